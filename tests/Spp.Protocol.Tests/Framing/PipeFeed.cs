using System.Buffers;
using Spp.Protocol.Framing;

namespace Spp.Protocol.Tests.Framing;

/// <summary>
/// Drives a <see cref="ReplyFramer"/> the way a <c>PipeReader</c> loop does: the bytes not consumed are shown again,
/// followed by the new ones, each delivery kept as its own segment. After a reply the loop goes on with the bytes
/// that follow it (the padding); after an incomplete outcome it waits for the next delivery.
/// </summary>
public sealed class PipeFeed(ReplyFramer framer)
{
    private readonly List<byte[]> buffered = [];

    public List<byte[]> Replies { get; } = [];

    public List<string> Violations { get; } = [];

    /// <summary>Bytes delivered but not yet consumed by the framer.</summary>
    public long Unconsumed => buffered.Sum(b => (long)b.Length);

    public void Deliver(byte[] chunk)
    {
        buffered.Add(chunk);
        while (buffered.Count > 0 && Violations.Count == 0)
        {
            var buffer = Segments.Of([.. buffered]);
            var outcome = framer.Read(buffer, out var consumed, out var examined);
            var consumedBytes = buffer.Slice(buffer.Start, consumed).Length;
            var examinedBytes = buffer.Slice(buffer.Start, examined).Length;
            Assert.InRange(consumedBytes, 0, examinedBytes);
            Assert.InRange(examinedBytes, 0, buffer.Length);
            Keep(buffer.Slice(consumed));

            if (outcome.Kind == FrameKind.Reply) Replies.Add(outcome.Reply!);
            else if (outcome.Kind == FrameKind.Violation) Violations.Add(outcome.Violation!);
            else return;
        }
    }

    public void DeliverAll(IEnumerable<byte[]> chunks)
    {
        foreach (var chunk in chunks) Deliver(chunk);
    }

    private void Keep(ReadOnlySequence<byte> rest)
    {
        buffered.Clear();
        foreach (var segment in rest)
            if (!segment.IsEmpty) buffered.Add(segment.ToArray());
    }
}
