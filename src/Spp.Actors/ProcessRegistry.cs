using System.Diagnostics;
using System.Net;
using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spp.Actors.Connections;
using Spp.Actors.Dispatch;
using Spp.Actors.Events;
using Spp.Actors.Messages;
using Spp.Protocol;

namespace Spp.Actors;

/// <summary>
/// The registry actor (<c>/user/processes</c>): starts a <see cref="ProcessActor"/> child for every connection the
/// SPP ports accept, admits each once it is identified (a newcomer replaces whoever held its place, at once),
/// routes every request to the process it targets, re-routes the requests an ended actor never sent, and publishes
/// an immutable <see cref="RegistrySnapshot"/> so that look-ups never wait on its mailbox. A child that fails is
/// stopped, which closes its connection; the SPP process reconnects by itself.
/// </summary>
public sealed class ProcessRegistry : ReceiveActor
{
    /// <summary>An SPP port accepted a connection.</summary>
    public sealed record Incoming(Flow<ByteString, ByteString, NotUsed> Connection, EndPoint? Peer, SppPort Port);

    /// <summary>From a child: its connection is this process.</summary>
    public sealed record Identified(ProcessId Id);

    /// <summary>From a child: its connection is closed; <see cref="Unsent"/> are the requests it took but never sent.</summary>
    public sealed record Ended(ProcessId? Id, IReadOnlyList<Unsent> Unsent);

    /// <summary>A request that reached an actor which ended before sending it, with who asked.</summary>
    public sealed record Unsent(ProcessRequest Request, IActorRef Asker);

    /// <summary>The controller is stopping: refuse newcomers and new requests, serve what is queued, close everything.</summary>
    public sealed record Drain
    {
        public static readonly Drain Instance = new();
    }

    /// <summary>The answer to <see cref="Drain"/> once every connection is closed.</summary>
    public sealed record Drained
    {
        public static readonly Drained Instance = new();
    }

    /// <summary>The places a connection holds in the limits: open connections, and newcomers being identified.</summary>
    private sealed record Places(IDisposable Open, IDisposable? Identifying);

    private readonly ProcessSetup setup;
    private readonly ConnectionLimiter limiter;
    private readonly ProcessDirectory directory;
    private readonly ILogger logger;
    private readonly ILogger connections;
    private readonly Dictionary<IActorRef, Places> places = [];
    private readonly HashSet<ProcessId> everRegistered = [];
    private long accepted;
    private IActorRef? drainedWaiter;
    private bool drained;

    public ProcessRegistry(ProcessSetup setup, ConnectionLimiter limiter, ProcessDirectory directory)
    {
        this.setup = setup;
        this.limiter = limiter;
        this.directory = directory;
        logger = setup.Loggers.CreateLogger<ProcessRegistry>();
        connections = setup.Loggers.CreateLogger("Spp.Connections");
        setup.Metrics?.ObserveConnected(() => directory.Snapshot);
        Receive<ProcessRequest>(request => Route(request, Sender));
        Receive<Incoming>(OnIncoming);
        Receive<Identified>(identified => OnIdentified(identified.Id, Sender));
        Receive<Ended>(ended => OnEnded(ended, Sender));
        Receive<Unsent>(unsent => Route(unsent.Request, unsent.Asker));
        Receive<Terminated>(terminated => OnTerminated(terminated.ActorRef));
        Receive<Drain>(_ => OnDrain(Sender));
        Receive<DeadLetter>(dead =>
        {
            if (dead.Message is ProcessRequest request && Self.Path.Equals(dead.Recipient.Path.Parent)) Route(request, dead.Sender);
        });
    }

    /// <summary>
    /// A child stopped by a failure drops what was still in its mailbox: the requests among it are routed again
    /// (after its end deregistered it), so that no asker waits for an answer that cannot come.
    /// </summary>
    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    public static Props Props(ProcessSetup setup, ConnectionLimiter limiter, ProcessDirectory directory) =>
        Akka.Actor.Props.Create(() => new ProcessRegistry(setup, limiter, directory));

    /// <summary>A failing process actor is stopped, never restarted: its connection cannot be picked up again.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        logger.LogError(cause, "A process actor failed; its connection is closed");
        return Directive.Stop;
    });

    private bool ShuttingDown => drainedWaiter is not null;

    private RegistrySnapshot Snapshot => directory.Snapshot;

    private void OnIncoming(Incoming incoming)
    {
        var peer = incoming.Peer?.ToString() ?? "unknown peer";
        var port = incoming.Port.Name();
        if (!Admits(incoming.Peer))
        {
            connections.LogWarning("Connection from {Peer} on the {Port} port refused: not an allowed peer", peer, port);
            setup.Events.Publish(new ProcessEvent.Refused(peer, port, "not an allowed peer"));
            Refuse(incoming);
            return;
        }
        if (limiter.TryOpen(peer) is not { } open)
        {
            setup.Events.Publish(new ProcessEvent.Refused(peer, port, "too many connections"));
            Refuse(incoming);
            return;
        }
        connections.LogInformation("Connection from {Peer} on the {Port} port", peer, port);
        setup.Events.Publish(new ProcessEvent.Connected(peer, port));
        IDisposable? identifying = null;
        if (incoming.Port == SppPort.Secondary && (identifying = limiter.TryIdentify(peer)) is null)
        {
            setup.Events.Publish(new ProcessEvent.Disconnected(null, peer, "not identified"));
            open.Dispose();
            Refuse(incoming);
            return;
        }
        var child = Context.ActorOf(ProcessActor.Props(setup, incoming.Connection, peer, incoming.Port), $"{port}-{++accepted}");
        Context.Watch(child);
        places[child] = new Places(open, identifying);
    }

    /// <summary>Resets the connection: a failed write side aborts the socket, so the peer is not left waiting.</summary>
    private void Refuse(Incoming incoming) =>
        incoming.Connection.RunWith(Source.Failed<ByteString>(new IOException("connection refused")), Sink.Ignore<ByteString>(), setup.Materializer);

    private bool Admits(EndPoint? remote)
    {
        var allowed = setup.Settings.AllowedPeers;
        if (allowed.Count == 0) return true;
        if (remote is not IPEndPoint { Address: var address }) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return allowed.Any(network => network.Contains(address));
    }

    private void OnIdentified(ProcessId id, IActorRef actor)
    {
        if (places.TryGetValue(actor, out var held)) held.Identifying?.Dispose();
        if (ShuttingDown)
        {
            actor.Tell(new ProcessActor.Close(LineFailure.ShuttingDown));
            return;
        }
        var previous = Snapshot.Occupant(id);
        directory.Publish(Snapshot.With(new Registered(id, actor)));
        setup.Metrics?.Registered(id.Type, seenBefore: !everRegistered.Add(id), replacedLive: previous is not null);
        if (previous is null)
        {
            logger.LogInformation("{Process} registered", id);
            return;
        }
        if (previous.Id.Type != id.Type)
            logger.LogWarning("{Process} replaced by a new connection of another type: {NewProcess}", previous.Id, id);
        else
            logger.LogWarning("{Process} replaced by a new connection", id);
        setup.Events.Publish(new ProcessEvent.Replaced(previous.Id, id));
        previous.Actor.Tell(new ProcessActor.Close(LineFailure.ConnectionReplaced));
    }

    private void OnEnded(Ended ended, IActorRef actor)
    {
        if (places.TryGetValue(actor, out var held)) held.Identifying?.Dispose();
        Deregister(ended.Id, actor);
        foreach (var unsent in ended.Unsent) Route(unsent.Request, unsent.Asker);
        // Ordered after every request this registry forwarded to it, so each of those comes back as Unsent first.
        actor.Tell(PoisonPill.Instance);
    }

    private void OnTerminated(IActorRef actor)
    {
        if (places.Remove(actor, out var held))
        {
            held.Identifying?.Dispose();
            held.Open.Dispose();
        }
        if (Snapshot.All.FirstOrDefault(r => r.Actor.Equals(actor)) is { } failed) Deregister(failed.Id, actor);
        if (ShuttingDown) AnswerDrainedOnceEmpty();
    }

    private void Deregister(ProcessId? id, IActorRef actor)
    {
        if (id is not { } process || Snapshot.Occupant(process)?.Actor.Equals(actor) != true) return;
        directory.Publish(Snapshot.Without(process));
        logger.LogInformation("{Process} deregistered", process);
    }

    private void OnDrain(IActorRef waiter)
    {
        drainedWaiter = waiter;
        foreach (var child in places.Keys) child.Tell(ProcessActor.Drain.Instance);
        AnswerDrainedOnceEmpty();
    }

    /// <summary>Newcomers are still accepted (and closed) after the drain: the waiter is answered the first time only.</summary>
    private void AnswerDrainedOnceEmpty()
    {
        if (places.Count > 0 || drained) return;
        drained = true;
        drainedWaiter!.Tell(Drained.Instance);
    }

    /// <summary>Forwards a request to the process registered for its target now, or answers at once.</summary>
    private void Route(ProcessRequest request, IActorRef asker)
    {
        if (ShuttingDown) asker.Tell(new ProcessOutcome.Failed(LineFailure.ShuttingDown));
        else if (Snapshot.Find(request.Target) is { } registered) registered.Actor.Tell(request, asker);
        else asker.Tell(ProcessOutcome.NotRegistered);
    }

    /// <summary>
    /// The one Ask of an HTTP handler, to the actor the snapshot names for the request's process; to the registry if
    /// there is none (it answers Gone, or routes to a process registered since). A request that reaches an actor
    /// which has ended, or stopped, comes back to the registry and is routed again, so asking the actor directly
    /// saves a hop without losing anything. The asker waits at most <see cref="ControllerSettings.AskTimeout"/>;
    /// giving up before the command is sent leaves it unsent.
    /// </summary>
    public static async Task<ProcessOutcome> AskAsync(
        IActorRef registry, ProcessDirectory directory, ProcessRequest request, ControllerSettings settings)
    {
        var target = directory.Snapshot.Find(request.Target)?.Actor ?? registry;
        var deadline = Stopwatch.GetTimestamp() + (long)(settings.AskTimeout.TotalSeconds * Stopwatch.Frequency);
        try
        {
            return await target.Ask<ProcessOutcome>(request with { Deadline = deadline }, settings.AskTimeout, request.Cancellation);
        }
        catch (Exception e) when (e is OperationCanceledException or AskTimeoutException)
        {
            if (request.Cancellation.IsCancellationRequested) return new ProcessOutcome.Abandoned();
            // Akka's scheduler may end the Ask a little before the deadline, while a process actor would still send
            // the request: the timeout is answered only once the request counts as abandoned.
            while (Stopwatch.GetTimestamp() <= deadline) await Task.Delay(1);
            return new ProcessOutcome.Failed(LineFailure.Timeout);
        }
    }
}

public static class ProcessRegistryHosting
{
    /// <summary>Starts the registry at <c>/user/processes</c> and registers it for <c>IRequiredActor&lt;ProcessRegistry&gt;</c>.</summary>
    public static AkkaConfigurationBuilder WithProcessRegistry(this AkkaConfigurationBuilder builder) =>
        builder.AddHocon(ProcessDispatcher.Hocon + "\n" + DeadLetterLog.Hocon, HoconAddMode.Prepend).WithActors((system, actors, resolver) =>
        {
            var services = resolver.GetService<IServiceProvider>();
            system.ActorOf(DeadLetterLog.Props(services.GetRequiredService<ILoggerFactory>().CreateLogger<DeadLetterLog>()), "dead-letters");
            var setup = new ProcessSetup(
                services.GetRequiredService<ControllerSettings>(),
                services.GetRequiredService<ProcessEvents>(),
                services.GetService<ControllerMetrics>(),
                services.GetRequiredService<ILoggerFactory>(),
                system.Materializer());
            var registry = system.ActorOf(ProcessRegistry.Props(setup, services.GetRequiredService<ConnectionLimiter>(),
                services.GetRequiredService<ProcessDirectory>()), "processes");
            actors.Register<ProcessRegistry>(registry);
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-spp-processes",
                async () =>
                {
                    await registry.Ask<ProcessRegistry.Drained>(ProcessRegistry.Drain.Instance, setup.Settings.DrainTimeout);
                    return Done.Instance;
                });
        });
}
