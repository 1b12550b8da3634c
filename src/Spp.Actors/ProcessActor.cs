using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.Logging;
using Spp.Actors.Connections;
using Spp.Actors.Events;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Protocol.Framing;
using Spp.Protocol.Replies;

namespace Spp.Actors;

/// <summary>
/// One SPP process connection, its whole life: the only code that writes to or reads from it. It materializes the
/// connection's stream once, joined to itself; identifies a secondary (<c>_get_client_id</c>); then serves the
/// requests the registry forwards, one command on the line at a time, the others waiting in arrival order. A
/// timeout, a closed or reset connection, a framing violation, a replacement or <c>exit</c> ends it: both sides of
/// the stream are torn down, and the requests it never sent go back to the registry.
/// </summary>
public sealed class ProcessActor : ReceiveActor, IWithTimers
{
    /// <summary>A newer connection took the place (or the controller refuses newcomers): fail what is in flight and close.</summary>
    public sealed record Close(LineFailure Why);

    /// <summary>The controller is stopping: finish what is queued, take nothing more, then close.</summary>
    public sealed record Drain
    {
        public static readonly Drain Instance = new();
    }

    // The stream's signals may arrive after the actor has stopped, which is expected: they are not logged as dead letters.
    private sealed record StreamStarted : IDeadLetterSuppression;

    private sealed record BytesTaken : IDeadLetterSuppression;

    private sealed record StreamCompleted : IDeadLetterSuppression;

    private sealed record StreamFailed(Exception Cause) : IDeadLetterSuppression;

    /// <summary>Timer messages carry the number of the exchange they were started for; a late one is ignored.</summary>
    private sealed record ReplyDeadline(long Exchange);

    private sealed record QuietPeriodOver(long Exchange);

    private sealed record Asked(ProcessRequest Request, IActorRef Asker);

    private const string ReplacedReason = "replaced by a new connection";
    private static readonly StreamStarted Started = new();
    private static readonly BytesTaken Taken = new();
    private static readonly StreamCompleted Completed = new();

    private readonly ProcessSetup setup;
    private readonly string peer;
    private readonly SppPort port;
    private readonly Flow<ByteString, ByteString, NotUsed> connection;
    private readonly SharedKillSwitch killSwitch = KillSwitches.Shared("connection");
    private readonly ReplyFramer framer = new(ReplyFamily.Unknown);
    private readonly Queue<Asked> waiting = new();
    private readonly ILogger logger;
    private IActorRef writer = ActorRefs.Nobody;
    private byte[]? received;
    private int receivedStart;
    private int receivedEnd;
    private long exchange;
    private long exchangeStarted;
    private TimeSpan exchangeTimeout;
    private string sentCommand = "";
    private Asked? current;
    private byte[]? gateStatus;
    private bool gateLooking;
    private bool draining;
    private string? brokenBy;
    private bool ended;
    private ProcessId? id;

    public ProcessActor(ProcessSetup setup, Flow<ByteString, ByteString, NotUsed> connection, string peer, SppPort port)
    {
        this.setup = setup;
        this.connection = connection;
        this.peer = peer;
        this.port = port;
        logger = setup.ProcessLog;
        if (port == SppPort.Primary) BecomeServing(ProcessId.Primary);
        else Become(Identifying);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ProcessSetup setup, Flow<ByteString, ByteString, NotUsed> connection, string peer, SppPort port) =>
        Akka.Actor.Props.Create(() => new ProcessActor(setup, connection, peer, port));

    protected override void PreStart()
    {
        writer = Source.ActorRef<ByteString>(4, OverflowStrategy.Fail)
            .Via(killSwitch.Flow<ByteString>())
            .Via(connection)
            .Via(killSwitch.Flow<ByteString>())
            .To(Sink.ActorRefWithAck<ByteString>(Self, Started, Taken, Completed, e => new StreamFailed(e)))
            .Run(setup.Materializer);
        if (port == SppPort.Secondary) Send(Protocol.Commands.Commands.GetClientId, setup.Settings.IdentificationTimeout);
    }

    protected override void PostStop()
    {
        Abort("actor stopped");
        ReturnBuffer();
        if (ended) return;
        // Stopped by a failure of its own: nobody may be left waiting, and the connection goes like any other end.
        // The registry deregisters it before routing what it never sent, which therefore cannot come back here.
        Context.Parent.Tell(new ProcessRegistry.Ended(id, waiting.Select(a => new ProcessRegistry.Unsent(a.Request, a.Asker)).ToList()), Self);
        current?.Asker.Tell(new ProcessOutcome.Failed(LineFailure.ConnectionClosed));
        Disconnected("actor failed");
    }

    /// <summary>A newcomer on the secondary port: its reply to <c>_get_client_id</c> says who it is.</summary>
    private void Identifying()
    {
        ReceiveStream();
        Receive<Drain>(_ => End("controller stopping"));
        Receive<Close>(close => End(Describe(close.Why)));
    }

    private void BecomeServing(ProcessId process)
    {
        id = process;
        framer.UseFamily(process.Type.Family());
        setup.Events.Publish(new ProcessEvent.Identified(process, peer));
        Context.Parent.Tell(new ProcessRegistry.Identified(process));
        Become(Serving);
    }

    private void Serving()
    {
        ReceiveStream();
        Receive<ProcessRequest>(request =>
        {
            // Asked directly by a handler that read the snapshot before the registry began to drain.
            if (draining)
            {
                Sender.Tell(new ProcessOutcome.Failed(LineFailure.ShuttingDown));
                return;
            }
            waiting.Enqueue(new Asked(request, Sender));
            if (current is null) TakeNext();
        });
        Receive<Close>(close =>
        {
            current?.Asker.Tell(new ProcessOutcome.Failed(close.Why));
            current = null;
            End(Describe(close.Why));
        });
        Receive<Drain>(_ =>
        {
            draining = true;
            if (current is null) TakeNext();
        });
    }

    /// <summary>After the end: requests that were on their way are handed back unsent; the registry stops it.</summary>
    private void Ending()
    {
        Receive<ProcessRequest>(request => Context.Parent.Tell(new ProcessRegistry.Unsent(request, Sender)));
        Receive<ByteString>(_ => Sender.Tell(Taken));
        ReceiveAny(_ => { });
    }

    private void ReceiveStream()
    {
        Receive<StreamStarted>(_ => Sender.Tell(Taken));
        Receive<ByteString>(bytes =>
        {
            Sender.Tell(Taken);
            Take(bytes);
        });
        Receive<StreamCompleted>(_ => LineEnded(LineFailure.ConnectionClosed));
        // Akka.Streams TCP fails the stream with a StreamTcpException when the peer resets or the connection aborts.
        Receive<StreamFailed>(failed => LineEnded(failed.Cause is StreamTcpException or SocketException or IOException
            ? LineFailure.ConnectionReset : LineFailure.ConnectionClosed));
        Receive<ReplyDeadline>(deadline =>
        {
            if (deadline.Exchange == exchange && framer.AwaitingReply) ExchangeEnded(null, LineFailure.Timeout);
        });
        Receive<QuietPeriodOver>(quiet =>
        {
            if (quiet.Exchange == exchange && framer.WaitsForIdle) ExchangeEnded(framer.CompleteOnIdle().Reply!, null);
        });
    }

    private void Send(string command, TimeSpan timeout)
    {
        exchange++;
        sentCommand = command;
        framer.ExpectReply();
        exchangeStarted = Stopwatch.GetTimestamp();
        exchangeTimeout = timeout;
        writer.Tell(ByteString.FromString(command));
        Timers.StartSingleTimer(nameof(ReplyDeadline), new ReplyDeadline(exchange), timeout);
    }

    /// <summary>
    /// Frames what arrived; bytes are copied once into the line's buffer and again only for a whole reply. Bytes
    /// left after a reply (padding, or stray bytes) are looked at at once, not when more arrive.
    /// </summary>
    private void Take(ByteString bytes)
    {
        Append(bytes);
        var outcome = Frame();
        switch (outcome.Kind)
        {
            case FrameKind.Reply:
                // Bytes that came with the end of a reply arrived while no command was pending: they are framed
                // before anything else is sent, or they would be taken for the next command's reply.
                brokenBy = receivedEnd > receivedStart && Frame() is { Kind: FrameKind.Violation } after ? after.Violation : null;
                ExchangeEnded(outcome.Reply!, null);
                if (brokenBy is null || ended) break;
                logger.LogWarning("{Process} disconnected after a reply: {Reason}", Name, brokenBy);
                End(brokenBy);
                break;
            case FrameKind.Violation when framer.AwaitingReply:
                ExchangeEnded(null, LineFailure.ReplyTooLarge, outcome.Violation);
                break;
            case FrameKind.Violation:
                logger.LogWarning("{Process} disconnected while idle: {Reason}", Name, outcome.Violation);
                End(outcome.Violation!);
                break;
            default:
                if (framer.WaitsForIdle) StartQuietPeriod();
                break;
        }
    }

    /// <summary>Shows the framer the bytes not consumed yet and drops what it consumed.</summary>
    private FrameOutcome Frame()
    {
        var buffer = new ReadOnlySequence<byte>(received!, receivedStart, receivedEnd - receivedStart);
        var outcome = framer.Read(buffer, out var consumed, out _);
        receivedStart += (int)buffer.Slice(0, consumed).Length;
        if (receivedStart == receivedEnd) ReturnBuffer();
        return outcome;
    }

    /// <summary>Bytes wait in a pooled buffer only while a reply is incomplete: an idle connection holds none.</summary>
    private void Append(ByteString bytes)
    {
        received ??= ArrayPool<byte>.Shared.Rent(bytes.Count);
        if (receivedEnd + bytes.Count > received.Length)
        {
            var unread = receivedEnd - receivedStart;
            var next = unread + bytes.Count > received.Length ? ArrayPool<byte>.Shared.Rent(unread + bytes.Count) : received;
            Buffer.BlockCopy(received, receivedStart, next, 0, unread);
            if (next != received) ArrayPool<byte>.Shared.Return(received);
            received = next;
            receivedStart = 0;
            receivedEnd = unread;
        }
        bytes.CopyTo(received, receivedEnd, bytes.Count);
        receivedEnd += bytes.Count;
    }

    private void ReturnBuffer()
    {
        if (received is not null) ArrayPool<byte>.Shared.Return(received);
        received = null;
        receivedStart = receivedEnd = 0;
    }

    /// <summary>A text reply is complete once the line stays quiet, unless the deadline comes first.</summary>
    private void StartQuietPeriod()
    {
        if (setup.Settings.TextReplyQuietPeriod < exchangeTimeout - Stopwatch.GetElapsedTime(exchangeStarted))
            Timers.StartSingleTimer(nameof(QuietPeriodOver), new QuietPeriodOver(exchange), setup.Settings.TextReplyQuietPeriod);
    }

    private void LineEnded(LineFailure failure)
    {
        if (framer.AwaitingReply) ExchangeEnded(null, failure);
        else
        {
            logger.LogWarning("{Process} disconnected while idle: {Reason}", Name, Describe(failure));
            End(Describe(failure));
        }
    }

    /// <summary>The reply to the command on the line arrived, or the exchange failed.</summary>
    private void ExchangeEnded(byte[]? reply, LineFailure? failure, string? violation = null)
    {
        var elapsed = Stopwatch.GetElapsedTime(exchangeStarted);
        Timers.CancelAll();
        if (id is not { } process)
        {
            Identified(reply, failure);
            return;
        }
        setup.Metrics?.CommandCompleted(process.Type, sentCommand, failure, elapsed);
        var request = current!.Request;
        if (gateLooking)
        {
            gateLooking = false;
            Log(process, reply, failure, violation, elapsed);
            GateLooked(request.Gate!, reply, failure);
            return;
        }
        // The connection closing is the expected answer to exit.
        if (request.Terminates && failure is LineFailure.ConnectionClosed or LineFailure.ConnectionReset) failure = null;
        Log(process, reply, failure, violation, elapsed);
        CommandEnded(reply, failure, elapsed);
    }

    private void Identified(byte[]? reply, LineFailure? failure)
    {
        if (failure == LineFailure.Timeout) setup.Metrics?.IdentificationTimedOut();
        var identity = reply is null ? null : IdentificationReply.Read(reply);
        if (identity is { } process)
        {
            logger.LogInformation("Newcomer {Peer} identified as {Process}", peer, process);
            BecomeServing(process);
            return;
        }
        logger.LogWarning("Newcomer {Peer} not identified: {Reason}; closing", peer,
            failure?.ToString() ?? "unrecognised reply to _get_client_id");
        End("not identified");
    }

    private void GateLooked(StatusGate gate, byte[]? status, LineFailure? failure)
    {
        var asked = current!;
        // The status came, but the line broke right after it: the gated command cannot be sent.
        if (brokenBy is not null) failure ??= LineFailure.ConnectionClosed;
        if (failure is { } statusFailure)
        {
            current = null;
            Failed(Protocol.Commands.Commands.Status, statusFailure);
            asked.Asker.Tell(new ProcessOutcome.Failed(statusFailure));
            return;
        }
        gateStatus = status!;
        if (gate(status!) is { } verdict)
        {
            asked.Asker.Tell(new ProcessOutcome.Refused(verdict, status!));
            Finished();
            return;
        }
        Send(asked.Request.Command, setup.Settings.CommandTimeout);
    }

    private void CommandEnded(byte[]? reply, LineFailure? failure, TimeSpan elapsed)
    {
        var asked = current!;
        var request = asked.Request;
        // A connection that ends is reported to the registry before the asker hears of it, so that an operator who
        // got the answer and looks again finds the process deregistered.
        if (failure is { } lineFailure)
        {
            Applied(request, Describe(lineFailure), elapsed);
            current = null;
            Failed(request.Command, lineFailure);
            asked.Asker.Tell(new ProcessOutcome.Failed(lineFailure));
            return;
        }
        reply ??= [];
        Applied(request, reply.Length == 0 ? "success" : OutcomeOf(request.Command, reply), elapsed);
        if (request.Terminates)
        {
            current = null;
            End("exit");
            asked.Asker.Tell(new ProcessOutcome.Replied(reply, gateStatus));
            return;
        }
        asked.Asker.Tell(new ProcessOutcome.Replied(reply, gateStatus));
        Finished();
    }

    private void Finished()
    {
        current = null;
        gateStatus = null;
        TakeNext();
    }

    /// <summary>Sends the next waiting request that its asker still wants; with none left while draining, ends.</summary>
    private void TakeNext()
    {
        if (brokenBy is not null) return;
        while (waiting.TryDequeue(out var next))
        {
            if (next.Request.Abandoned)
            {
                next.Asker.Tell(new ProcessOutcome.Abandoned());
                continue;
            }
            current = next;
            gateStatus = null;
            gateLooking = next.Request.Gate is not null;
            Send(gateLooking ? Protocol.Commands.Commands.Status : next.Request.Command, setup.Settings.CommandTimeout);
            return;
        }
        if (draining) End("controller stopping");
    }

    /// <summary>The exchange of <paramref name="command"/> failed, which ends the connection.</summary>
    private void Failed(string command, LineFailure failure)
    {
        if (failure == LineFailure.Timeout) setup.Events.Publish(new ProcessEvent.TimedOut(id!.Value, command, setup.Settings.CommandTimeout));
        End(Describe(failure));
    }

    /// <summary>Closes both sides of the connection and hands every request not sent back to the registry.</summary>
    private void End(string reason)
    {
        ended = true;
        Timers.CancelAll();
        Abort(reason);
        var unsent = waiting.Select(a => new ProcessRegistry.Unsent(a.Request, a.Asker)).ToList();
        waiting.Clear();
        Context.Parent.Tell(new ProcessRegistry.Ended(id, unsent));
        Disconnected(reason);
        Become(Ending);
    }

    /// <summary>Fails both sides of the stream, which resets the socket: a hung peer cannot keep it half open.</summary>
    private void Abort(string reason) => killSwitch.Abort(new IOException($"connection closed by the controller: {reason}"));

    private void Disconnected(string reason)
    {
        if (id is { } process) logger.LogInformation("{Process} connection from {Peer} closed: {Reason}", process, peer, reason);
        setup.Events.Publish(new ProcessEvent.Disconnected(id, peer, id is null ? "not identified" : reason));
    }

    private string Name => id?.ToString() ?? peer;

    /// <summary>One line per command: what the reply meant (success, the process's error, an unusable reply) or why there was none.</summary>
    private void Log(ProcessId process, byte[]? reply, LineFailure? failure, string? violation, TimeSpan elapsed)
    {
        var asker = current!.Request.Operator ?? "-";
        if (failure is { } lineFailure)
        {
            logger.LogWarning("{Process} {Command} -> {Outcome} {Detail} in {DurationMs:F1} ms for {Operator}",
                process, sentCommand, Describe(lineFailure), violation ?? "", elapsed.TotalMilliseconds, asker);
            return;
        }
        var outcome = reply is null || reply.Length == 0 ? "success" : OutcomeOf(sentCommand, reply);
        logger.LogInformation("{Process} {Command} -> {Outcome} ({ReplyBytes} bytes) in {DurationMs:F1} ms for {Operator}",
            process, sentCommand, outcome, reply?.Length ?? 0, elapsed.TotalMilliseconds, asker);
    }

    /// <summary>Publishes <c>command applied</c> for every command but a <c>status</c> read.</summary>
    private void Applied(ProcessRequest request, string outcome, TimeSpan elapsed)
    {
        if (request.Command == Protocol.Commands.Commands.Status) return;
        setup.Events.Publish(new ProcessEvent.CommandApplied(id!.Value, request.Operator, request.Command, outcome, elapsed));
    }

    /// <summary>What the process said about the command.</summary>
    private string OutcomeOf(string command, byte[] reply) => ReplyReader.Mutation(id!.Value.Type.Family(), reply, command) switch
    {
        ReplyVerdict.CommandFailed failed => $"error: {failed.Detail}",
        ReplyVerdict.Unusable unusable => $"invalid reply: {unusable.Reason}",
        _ => "success",
    };

    private static string Describe(LineFailure failure) => failure switch
    {
        LineFailure.Timeout => "timeout",
        LineFailure.ConnectionClosed => "connection closed",
        LineFailure.ConnectionReset => "connection reset",
        LineFailure.ConnectionReplaced => ReplacedReason,
        LineFailure.ReplyTooLarge => "reply too large",
        LineFailure.ShuttingDown => "controller stopping",
        _ => failure.ToString(),
    };
}
