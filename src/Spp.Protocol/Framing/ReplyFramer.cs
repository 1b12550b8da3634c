using System.Buffers;

namespace Spp.Protocol.Framing;

/// <summary>
/// Cuts one connection's byte stream into replies (rest-api.md 1.9.3, wire-protocol.md 2.8). One instance per
/// connection; it keeps the scan state of a partly received reply so that segments are examined once and the
/// bytes are copied only when a reply is complete.
/// <list type="bullet">
/// <item>A reply starting with <c>{</c> or <c>[</c> ends with its outermost closing bracket.</item>
/// <item>A padded reply (primary, nfv) also ends when one whole block has arrived; its text is what precedes
/// the first NUL.</item>
/// <item>Any other reply ends when the line goes quiet (<see cref="CompleteOnIdle"/>).</item>
/// <item>NUL bytes before a reply or while nothing is pending are padding and are dropped; so is the rest of a
/// padded block. Any other byte while nothing is pending is a violation, as is a reply over 16 MiB.</item>
/// </list>
/// </summary>
public sealed class ReplyFramer(ReplyFamily family)
{
    public const int PaddedBlockSize = 32768;
    public const int MaxReplyBytes = 16 * 1024 * 1024;

    private enum Mode { Start, Json, Text }

    private ReplyFamily family = family;
    private Mode mode;
    private int depth;
    private bool inString;
    private bool escaped;
    private long scanned;
    private readonly ArrayBufferWriter<byte> text = new();
    private long unconsumedBlockBytes;

    public bool AwaitingReply { get; private set; }

    /// <summary>True while a text reply is being received: it ends after a quiet period.</summary>
    public bool WaitsForIdle => AwaitingReply && mode == Mode.Text;

    private bool HasBlocks => family != ReplyFamily.Stream;

    /// <summary>Set once a newcomer has been identified.</summary>
    public void UseFamily(ReplyFamily newFamily)
    {
        family = newFamily;
        if (!HasBlocks) unconsumedBlockBytes = 0;
    }

    /// <summary>A command has been sent: the next bytes are its reply.</summary>
    public void ExpectReply()
    {
        AwaitingReply = true;
        mode = Mode.Start;
        depth = 0;
        inString = false;
        escaped = false;
        scanned = 0;
        text.Clear();
        unconsumedBlockBytes = 0;
    }

    /// <summary>
    /// Examines <paramref name="buffer"/>; <paramref name="consumed"/> and <paramref name="examined"/> are what to
    /// pass to <c>PipeReader.AdvanceTo</c>.
    /// </summary>
    public FrameOutcome Read(in ReadOnlySequence<byte> buffer, out SequencePosition consumed, out SequencePosition examined)
    {
        examined = buffer.End;
        if (!AwaitingReply) return DropPadding(buffer, out consumed);

        var reader = new SequenceReader<byte>(buffer);
        if (mode == Mode.Start)
        {
            SkipNuls(ref reader);
            if (!reader.TryPeek(out var first))
            {
                consumed = reader.Position;
                return FrameOutcome.Incomplete;
            }
            mode = first is (byte)'{' or (byte)'[' ? Mode.Json : Mode.Text;
        }
        var reply = buffer.Slice(reader.Position);
        var outcome = mode == Mode.Json ? ScanJson(reply, out consumed) : CollectText(reply, out consumed);
        // Whatever follows a complete reply is looked at at once (padding to drop, or stray bytes to report),
        // not left waiting for the next bytes to arrive.
        if (outcome.Kind == FrameKind.Reply) examined = consumed;
        return outcome;
    }

    /// <summary>The line went quiet while a text reply was being received: that reply is complete.</summary>
    public FrameOutcome CompleteOnIdle()
    {
        var written = text.WrittenSpan;
        var reply = CutAtNul(written).ToArray();
        Finish(written.Length);
        return FrameOutcome.Complete(reply);
    }

    private FrameOutcome DropPadding(in ReadOnlySequence<byte> buffer, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        var skip = Math.Min(unconsumedBlockBytes, reader.Remaining);
        reader.Advance(skip);
        unconsumedBlockBytes -= skip;
        SkipNuls(ref reader);
        consumed = reader.Position;
        return reader.End ? FrameOutcome.Incomplete : FrameOutcome.Broken("unexpected bytes while no command is pending");
    }

    private FrameOutcome ScanJson(in ReadOnlySequence<byte> reply, out SequencePosition consumed)
    {
        consumed = reply.Start;
        long offset = 0;
        foreach (var segment in reply.Slice(scanned))
        {
            var span = segment.Span;
            for (var i = 0; i < span.Length; i++)
            {
                offset = scanned + i + 1;
                if (offset > MaxReplyBytes) return FrameOutcome.Broken("reply too large");
                if (Closes(span[i]))
                {
                    var end = reply.GetPosition(offset);
                    consumed = end;
                    var bytes = reply.Slice(0, end).ToArray();
                    Finish(offset);
                    return FrameOutcome.Complete(bytes);
                }
                if (HasBlocks && offset == PaddedBlockSize) return CompleteBlock(reply, out consumed);
            }
            scanned += span.Length;
        }
        return FrameOutcome.Incomplete;
    }

    private bool Closes(byte b)
    {
        if (inString)
        {
            if (escaped) escaped = false;
            else if (b == '\\') escaped = true;
            else if (b == '"') inString = false;
            return false;
        }
        switch (b)
        {
            case (byte)'"': inString = true; return false;
            case (byte)'{' or (byte)'[': depth++; return false;
            case (byte)'}' or (byte)']': return --depth == 0;
            default: return false;
        }
    }

    private FrameOutcome CompleteBlock(in ReadOnlySequence<byte> reply, out SequencePosition consumed)
    {
        var block = reply.Slice(0, PaddedBlockSize);
        consumed = block.End;
        var bytes = CutAtNul(block.ToArray()).ToArray();
        Finish(PaddedBlockSize);
        return FrameOutcome.Complete(bytes);
    }

    private FrameOutcome CollectText(in ReadOnlySequence<byte> reply, out SequencePosition consumed)
    {
        var room = HasBlocks ? PaddedBlockSize - text.WrittenCount : MaxReplyBytes + 1L - text.WrittenCount;
        var taken = reply.Slice(0, Math.Min(room, reply.Length));
        foreach (var segment in taken) text.Write(segment.Span);
        consumed = taken.End;
        if (HasBlocks && text.WrittenCount == PaddedBlockSize) return CompleteOnIdle();
        return text.WrittenCount > MaxReplyBytes ? FrameOutcome.Broken("reply too large") : FrameOutcome.Incomplete;
    }

    private void Finish(long replyBytes)
    {
        AwaitingReply = false;
        unconsumedBlockBytes = HasBlocks ? Math.Max(0, PaddedBlockSize - replyBytes) : 0;
        text.Clear();
    }

    /// <summary>
    /// Like <c>AdvancePast(0)</c>, but vectorized: the padding of a reply that is still unread when the next
    /// command goes out is skipped here, 32 KiB per command on a busy primary or nfv.
    /// </summary>
    private static void SkipNuls(ref SequenceReader<byte> reader)
    {
        while (!reader.End)
        {
            var unread = reader.UnreadSpan;
            var other = unread.IndexOfAnyExcept((byte)0);
            reader.Advance(other < 0 ? unread.Length : other);
            if (other >= 0) return;
        }
    }

    private static ReadOnlySpan<byte> CutAtNul(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }
}
