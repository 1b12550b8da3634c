using Microsoft.Extensions.Logging;
using Spp.Actors.Events;
using Spp.Actors.Messages;

namespace Spp.Actors;

/// <summary>
/// The registry actor: admits identified processes (a newcomer replaces whoever held its place, at once),
/// supervises each process actor (when one stops it is removed and the requests it never sent are re-resolved),
/// and publishes an immutable <see cref="RegistrySnapshot"/> for look-ups.
/// </summary>
public sealed class ProcessRegistry
{
    private abstract record Message;

    private sealed record Admit(ProcessActor Actor, TaskCompletionSource Done) : Message;

    private sealed record Stopped(ProcessActor Actor, IReadOnlyList<ProcessRequest> Unsent) : Message;

    private sealed record Redeliver(ProcessRequest Request) : Message;

    private sealed record ShutDown(TaskCompletionSource Done) : Message;

    private readonly Mailbox<Message> mailbox = new();
    private readonly ILogger<ProcessRegistry> logger;
    private readonly HashSet<Spp.Protocol.ProcessId> everRegistered = [];
    private RegistrySnapshot snapshot = RegistrySnapshot.Empty;
    private volatile bool shuttingDown;

    public ProcessRegistry(ILogger<ProcessRegistry> logger, ControllerMetrics? metrics = null, ProcessEvents? events = null)
    {
        this.logger = logger;
        Metrics = metrics;
        metrics?.ObserveConnected(() => Snapshot);
        Events = events ?? new ProcessEvents();
        _ = Task.Run(RunAsync);
    }

    public RegistrySnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>The controller's instruments, for the actors and connections this registry supervises.</summary>
    public ControllerMetrics? Metrics { get; }

    /// <summary>Where the registry, the connection handlers and the process actors publish what happens.</summary>
    public ProcessEvents Events { get; }

    /// <summary>Registers an identified process, replacing the connection that held its place.</summary>
    public Task AdmitAsync(ProcessActor actor)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mailbox.Post(new Admit(actor, done));
        return done.Task;
    }

    /// <summary>Ask: sends the request to the process it targets and waits for the outcome.</summary>
    public Task<ProcessOutcome> AskAsync(ProcessRequest request)
    {
        if (shuttingDown) return Task.FromResult<ProcessOutcome>(new ProcessOutcome.Failed(LineFailure.ShuttingDown));
        var actor = Snapshot.Find(request.Target);
        if (actor is null) return Task.FromResult(ProcessOutcome.NotRegistered);
        if (!actor.TryPost(request)) mailbox.Post(new Redeliver(request));
        return request.Outcome;
    }

    /// <summary>Stops admitting, lets every actor finish what it has queued, and waits for all to close.</summary>
    public async Task ShutDownAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mailbox.Post(new ShutDown(done));
        await done.Task;
        await Task.WhenAll(Snapshot.All.Select(a => a.Completion));
    }

    private async Task RunAsync()
    {
        await foreach (var message in mailbox.Reader.ReadAllAsync())
        {
            switch (message)
            {
                case Admit admit:
                    OnAdmit(admit.Actor);
                    admit.Done.TrySetResult();
                    break;
                case Stopped stopped:
                    OnStopped(stopped.Actor, stopped.Unsent);
                    break;
                case Redeliver redeliver:
                    Route(redeliver.Request);
                    break;
                case ShutDown shutDown:
                    shuttingDown = true;
                    foreach (var actor in Snapshot.All) actor.Drain();
                    shutDown.Done.TrySetResult();
                    break;
            }
        }
    }

    private void OnAdmit(ProcessActor actor)
    {
        if (shuttingDown)
        {
            actor.Replace();
            return;
        }
        var previous = Snapshot.Occupant(actor);
        Publish(Snapshot.With(actor));
        Metrics?.Registered(actor.Id.Type, seenBefore: !everRegistered.Add(actor.Id), replacedLive: previous is not null);
        actor.Completion.ContinueWith(t => mailbox.Post(new Stopped(actor, t.Result)), TaskScheduler.Default);
        if (previous is null)
        {
            logger.LogInformation("{Process} registered", actor.Id);
            return;
        }
        if (previous.Id.Type != actor.Id.Type)
            logger.LogWarning("{Process} replaced by a new connection of another type: {NewProcess}", previous.Id, actor.Id);
        else
            logger.LogWarning("{Process} replaced by a new connection", actor.Id);
        Events.Publish(new ProcessEvent.Replaced(previous.Id, actor.Id));
        previous.Replace();
    }

    private void OnStopped(ProcessActor actor, IReadOnlyList<ProcessRequest> unsent)
    {
        if (Snapshot.Occupant(actor) == actor)
        {
            Publish(Snapshot.Without(actor));
            logger.LogInformation("{Process} deregistered", actor.Id);
        }
        foreach (var request in unsent) Route(request);
    }

    /// <summary>Delivers a request that was never sent to the process now registered for its target.</summary>
    private void Route(ProcessRequest request)
    {
        while (true)
        {
            if (shuttingDown)
            {
                request.Answer(new ProcessOutcome.Failed(LineFailure.ShuttingDown));
                return;
            }
            var actor = Snapshot.Find(request.Target);
            if (actor is null)
            {
                request.Answer(ProcessOutcome.NotRegistered);
                return;
            }
            if (actor.TryPost(request)) return;
            // Its mailbox is closed: it is stopping, and its Stopped message will find it already gone.
            Publish(Snapshot.Without(actor));
        }
    }

    private void Publish(RegistrySnapshot next) => Volatile.Write(ref snapshot, next);
}
