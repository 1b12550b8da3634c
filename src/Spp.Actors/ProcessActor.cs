using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spp.Actors.Connections;
using Spp.Actors.Events;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Protocol.Replies;

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
    private readonly ProcessEvents events;
    private readonly TaskCompletionSource replaced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<IReadOnlyList<ProcessRequest>> completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ProcessRequest> unsent = [];

    public ProcessActor(
        ProcessId id, ProcessLine line, ControllerSettings settings, ILogger logger,
        ControllerMetrics? metrics = null, ProcessEvents? events = null)
    {
        Id = id;
        this.line = line;
        this.settings = settings;
        this.logger = logger;
        this.metrics = metrics;
        this.events = events ?? new ProcessEvents();
        line.Framer.UseFamily(id.Type.Family());
    }

    public ProcessId Id { get; }

    /// <summary>Why the actor stopped (or stops): <c>connection closed</c>, <c>timeout</c>, <c>exit</c>, ...</summary>
    public string EndReason { get; private set; } = "connection closed";

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
                EndReason = failure.Violation ?? (failure.Failure is { } f ? Describe(f) : "connection closed");
                logger.LogWarning("{Process} disconnected while idle: {Reason}", Id, failure.Violation ?? failure.Failure.ToString());
                return;
            }
            if (replaced.Task.IsCompleted)
            {
                EndReason = ReplacedReason;
                return;
            }
            if (!await waitForMail)
            {
                EndReason = "controller stopping";
                return;
            }
            waitForMail = null;

            while (mailbox.Reader.TryRead(out var request))
            {
                if (!await ServeAsync(request)) return;
                if (replaced.Task.IsCompleted)
                {
                    EndReason = ReplacedReason;
                    return;
                }
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
            EndReason = ReplacedReason;
            unsent.Add(request);
            return false;
        }

        byte[]? status = null;
        if (request.Gate is { } gate)
        {
            var (looked, _) = await ExchangeAsync(Protocol.Commands.Commands.Status, request.Operator);
            if (looked.Failure is { } statusFailure)
            {
                Ended(Protocol.Commands.Commands.Status, statusFailure);
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
                EndReason = ReplacedReason;
                unsent.Add(request);
                return false;
            }
        }

        var (result, elapsed) = await ExchangeAsync(request.Command, request.Operator);
        if (result.Failure is { } failure)
        {
            var closedAsExpected = request.Terminates && failure is LineFailure.ConnectionClosed or LineFailure.ConnectionReset;
            Applied(request, closedAsExpected ? "success" : Describe(failure), elapsed);
            if (closedAsExpected) EndReason = "exit";
            else Ended(request.Command, failure);
            request.Answer(closedAsExpected ? new ProcessOutcome.Replied([], status) : new ProcessOutcome.Failed(failure));
            return false;
        }
        Applied(request, OutcomeOf(request.Command, result.Reply!), elapsed);
        if (request.Terminates) EndReason = "exit";
        request.Answer(new ProcessOutcome.Replied(result.Reply!, status));
        return !request.Terminates;
    }

    private async Task<(LineResult Result, TimeSpan Elapsed)> ExchangeAsync(string command, string? asker)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await line.ExchangeAsync(command, settings.CommandTimeout, replaced.Task);
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics?.CommandCompleted(Id.Type, command, result.Failure, elapsed);
        if (result.Succeeded)
            logger.LogInformation("{Process} {Command} -> {Outcome} ({ReplyBytes} bytes) in {DurationMs:F1} ms for {Operator}",
                Id, command, "replied", result.Reply!.Length, elapsed.TotalMilliseconds, asker ?? "-");
        else
            logger.LogWarning("{Process} {Command} -> {Outcome} {Detail} in {DurationMs:F1} ms for {Operator}",
                Id, command, result.Failure, result.Violation ?? "", elapsed.TotalMilliseconds, asker ?? "-");
        return (result, elapsed);
    }

    private const string ReplacedReason = "replaced by a new connection";

    /// <summary>Publishes <c>command applied</c> for every command but a <c>status</c> read.</summary>
    private void Applied(ProcessRequest request, string outcome, TimeSpan elapsed)
    {
        if (request.Command == Protocol.Commands.Commands.Status) return;
        events.Publish(new ProcessEvent.CommandApplied(Id, request.Operator, request.Command, outcome, elapsed));
    }

    /// <summary>The exchange of <paramref name="command"/> failed, which ends the actor.</summary>
    private void Ended(string command, LineFailure failure)
    {
        EndReason = Describe(failure);
        if (failure == LineFailure.Timeout) events.Publish(new ProcessEvent.TimedOut(Id, command, settings.CommandTimeout));
    }

    /// <summary>What the process said about the command, as the events report it.</summary>
    private string OutcomeOf(string command, byte[] reply) => ReplyReader.Mutation(Id.Type.Family(), reply, command) switch
    {
        ReplyVerdict.CommandFailed failed => $"error: {failed.Detail}",
        ReplyVerdict.Unusable unusable => $"invalid reply: {unusable.Reason}",
        _ => "success",
    };

    private static string Describe(LineFailure failure) => failure switch
    {
        LineFailure.Timeout => "timeout",
        LineFailure.SendFailed => "send failed",
        LineFailure.ConnectionClosed => "connection closed",
        LineFailure.ConnectionReset => "connection reset",
        LineFailure.ConnectionReplaced => ReplacedReason,
        LineFailure.ReplyTooLarge => "reply too large",
        LineFailure.ShuttingDown => "controller stopping",
        _ => failure.ToString(),
    };
}
