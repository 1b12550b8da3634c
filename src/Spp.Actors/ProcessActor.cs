using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spp.Actors.Connections;
using Spp.Actors.Messages;
using Spp.Protocol;

namespace Spp.Actors;

/// <summary>
/// One connected SPP process. Its mailbox loop is the only code that writes to or reads from the process's
/// connection, so commands to one process go out one at a time, in arrival order, each awaiting its reply.
/// The actor ends when its connection ends (closed, reset, timed out, out of step, replaced, or after
/// <c>exit</c>); requests it never sent are handed back through <see cref="Completion"/> for re-delivery.
/// </summary>
public sealed class ProcessActor
{
    private readonly Mailbox<ProcessRequest> mailbox = new();
    private readonly ProcessLine line;
    private readonly ControllerSettings settings;
    private readonly ILogger logger;
    private readonly ControllerMetrics? metrics;
    private readonly TaskCompletionSource replaced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IReadOnlyList<ProcessRequest>> completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ProcessRequest> unsent = [];

    public ProcessActor(ProcessId id, ProcessLine line, ControllerSettings settings, ILogger logger, ControllerMetrics? metrics = null)
    {
        Id = id;
        this.line = line;
        this.settings = settings;
        this.logger = logger;
        this.metrics = metrics;
        line.Framer.UseFamily(id.Type.Family());
    }

    public ProcessId Id { get; }

    /// <summary>Completes when the actor has stopped, with the requests it took but never sent.</summary>
    public Task<IReadOnlyList<ProcessRequest>> Completion => completion.Task;

    /// <summary>False if the actor no longer takes requests.</summary>
    public bool TryPost(ProcessRequest request) => mailbox.Post(request);

    /// <summary>A newer connection took over: fail the command in flight at once and stop.</summary>
    public void Replace() => replaced.TrySetResult();

    /// <summary>The controller is stopping: finish what is queued, take nothing more, then close.</summary>
    public void Drain() => mailbox.Close();

    /// <summary>The mailbox loop. Returns when the connection must be closed.</summary>
    public async Task RunAsync()
    {
        try
        {
            await ServeUntilEndAsync();
        }
        finally
        {
            mailbox.Close();
            line.Release();
            completion.TrySetResult([.. unsent, .. mailbox.TakeRemaining()]);
        }
    }

    private async Task ServeUntilEndAsync()
    {
        Task<bool>? waitForMail = null;
        while (true)
        {
            waitForMail ??= mailbox.Reader.WaitToReadAsync().AsTask();
            var lost = await line.IdleUntilAsync(Task.WhenAny(waitForMail, replaced.Task));
            if (lost is { } failure)
            {
                logger.LogWarning("{Process} disconnected while idle: {Reason}", Id, failure.Violation ?? failure.Failure.ToString());
                return;
            }
            if (replaced.Task.IsCompleted || !await waitForMail) return;
            waitForMail = null;

            while (mailbox.Reader.TryRead(out var request))
            {
                if (!await ServeAsync(request)) return;
                if (replaced.Task.IsCompleted) return;
            }
        }
    }

    /// <summary>Runs one request; false when the connection is finished.</summary>
    private async Task<bool> ServeAsync(ProcessRequest request)
    {
        if (request.Cancellation.IsCancellationRequested)
        {
            request.Answer(new ProcessOutcome.Abandoned());
            return true;
        }
        if (replaced.Task.IsCompleted)
        {
            unsent.Add(request);
            return false;
        }

        byte[]? status = null;
        if (request.Gate is { } gate)
        {
            var looked = await ExchangeAsync(Protocol.Commands.Commands.Status);
            if (looked.Failure is { } statusFailure)
            {
                request.Answer(new ProcessOutcome.Failed(statusFailure));
                return false;
            }
            status = looked.Reply!;
            if (gate(status) is { } verdict)
            {
                request.Answer(new ProcessOutcome.Refused(verdict, status));
                return true;
            }
            if (replaced.Task.IsCompleted)
            {
                // Only the read-only status went out: the whole request can run again on the new connection.
                unsent.Add(request);
                return false;
            }
        }

        var result = await ExchangeAsync(request.Command);
        if (result.Failure is { } failure)
        {
            var closedAsExpected = request.Terminates && failure is LineFailure.ConnectionClosed or LineFailure.ConnectionReset;
            request.Answer(closedAsExpected ? new ProcessOutcome.Replied([], status) : new ProcessOutcome.Failed(failure));
            return false;
        }
        request.Answer(new ProcessOutcome.Replied(result.Reply!, status));
        return !request.Terminates;
    }

    private async Task<LineResult> ExchangeAsync(string command)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await line.ExchangeAsync(command, settings.CommandTimeout, replaced.Task);
        var duration = Stopwatch.GetElapsedTime(started);
        var elapsed = duration.TotalMilliseconds;
        metrics?.CommandCompleted(Id.Type, command, result.Failure, duration);
        if (result.Succeeded)
            logger.LogInformation("{Process} {Command} -> {Outcome} ({ReplyBytes} bytes) in {DurationMs:F1} ms",
                Id, command, "replied", result.Reply!.Length, elapsed);
        else
            logger.LogWarning("{Process} {Command} -> {Outcome} {Detail} in {DurationMs:F1} ms",
                Id, command, result.Failure, result.Violation ?? "", elapsed);
        return result;
    }
}
