using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Spp.Actors.Messages;
using Spp.Protocol.Framing;

namespace Spp.Actors.Connections;

/// <summary>
/// One TCP connection to an SPP process, seen as a line on which one command is sent and one reply awaited at a
/// time. It keeps at most one read outstanding across calls, so the owner can wait for other things (its
/// mailbox) while the line is watched for a peer that closes or sends stray bytes.
/// Only the identification step and then the process actor use it, one after the other.
/// </summary>
public sealed class ProcessLine(IDuplexPipe transport, ControllerSettings settings)
{
    private Task<ReadResult>? pendingRead;

    public ReplyFramer Framer { get; } = new(Spp.Protocol.ReplyFamily.Unknown);

    /// <summary>Sends <paramref name="command"/> in one write and waits for its whole reply.</summary>
    public async Task<LineResult> ExchangeAsync(string command, TimeSpan timeout, Task interruption)
    {
        Framer.ExpectReply();
        try
        {
            var flushed = await transport.Output.WriteAsync(Encoding.UTF8.GetBytes(command));
            if (flushed.IsCompleted || flushed.IsCanceled) return LineResult.Fail(LineFailure.SendFailed);
        }
        catch (Exception e) when (e is IOException or ConnectionAbortedException or InvalidOperationException)
        {
            return LineResult.Fail(LineFailure.SendFailed);
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero) return LineResult.Fail(LineFailure.Timeout);
            var quietCompletes = Framer.WaitsForIdle && settings.TextReplyQuietPeriod < remaining;
            var wait = quietCompletes ? settings.TextReplyQuietPeriod : remaining;

            using var timer = new CancellationTokenSource();
            var delay = Task.Delay(wait, timer.Token);
            var read = NextRead();
            var first = await Task.WhenAny(read, delay, interruption);
            timer.Cancel();
            if (first == interruption) return LineResult.Fail(LineFailure.ConnectionReplaced);
            if (first == delay)
            {
                if (quietCompletes) return LineResult.Of(Framer.CompleteOnIdle().Reply!);
                continue;
            }

            var step = Consume();
            if (step is not null) return step.Value;
        }
    }

    /// <summary>
    /// Watches the idle line until <paramref name="wake"/> completes. Returns null when woken, or the failure
    /// that ended the line meanwhile (the peer closed or reset it, or sent bytes nobody asked for).
    /// </summary>
    public async Task<LineResult?> IdleUntilAsync(Task wake)
    {
        while (true)
        {
            var read = NextRead();
            if (await Task.WhenAny(read, wake) == wake) return null;
            var step = Consume();
            if (step is not null) return step;
        }
    }

    private Task<ReadResult> NextRead() => pendingRead ??= transport.Input.ReadAsync().AsTask();

    /// <summary>Takes the completed read through the framer; null means keep reading.</summary>
    private LineResult? Consume()
    {
        var read = pendingRead!;
        pendingRead = null;
        if (read.IsFaulted) return LineResult.Fail(FailureOf(read.Exception!.InnerException));
        if (read.IsCanceled) return LineResult.Fail(LineFailure.ConnectionClosed);

        var result = read.Result;
        var outcome = Framer.Read(result.Buffer, out var consumed, out var examined);
        // Bytes after the end of a reply (padding, or stray bytes) are yet to be looked at: the next read must
        // return them at once rather than wait for more to arrive.
        transport.Input.AdvanceTo(consumed, examined);
        return outcome.Kind switch
        {
            FrameKind.Reply => LineResult.Of(outcome.Reply!),
            FrameKind.Violation => LineResult.Fail(
                Framer.AwaitingReply ? LineFailure.ReplyTooLarge : LineFailure.ConnectionClosed, outcome.Violation),
            _ when result.IsCompleted => LineResult.Fail(LineFailure.ConnectionClosed),
            _ => null,
        };
    }

    private static LineFailure FailureOf(Exception? e) =>
        e is ConnectionResetException or IOException ? LineFailure.ConnectionReset : LineFailure.ConnectionClosed;

    /// <summary>Lets go of the connection; any outstanding read is observed so that its failure is not lost.</summary>
    public void Release()
    {
        pendingRead?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        pendingRead = null;
    }
}
