using System.Buffers;
using BenchmarkDotNet.Attributes;
using Spp.Emulator;
using Spp.Protocol;
using Spp.Protocol.Framing;

namespace Spp.Bench.Micro;

/// <summary>
/// <see cref="ReplyFramer"/> on one reply and the padding after it, as a process line hands them over: in one
/// read, or split into Kestrel's 4096-byte segments and over several reads. The only allocation should be the
/// reply itself (an nfv status is about 200 bytes; an echo a few).
/// </summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    private const int KestrelSegmentBytes = 4096;

    private readonly ReplyFramer padded = new(ReplyFamily.Padded);
    private readonly ReplyFramer stream = new(ReplyFamily.Stream);
    private ReadOnlySequence<byte> nfvStatus;
    private ReadOnlySequence<byte> nfvStatusSegments;
    private ReadOnlySequence<byte> nfvStatusAfterPadding;
    private ReadOnlySequence<byte> nfvEcho;
    private ReadOnlySequence<byte> vfStatus;
    private ReadOnlySequence<byte> vfStatusSegments;

    [GlobalSetup]
    public void Setup()
    {
        var nfv = SampleReplies.Of(EmulatedKind.Nfv, "status");
        nfvStatus = new ReadOnlySequence<byte>(nfv);
        nfvStatusSegments = Segments.Split(nfv, KestrelSegmentBytes);
        var reply = Array.IndexOf(nfv, (byte)0);
        nfvStatusAfterPadding = Segments.Split([.. new byte[nfv.Length - reply], .. nfv], KestrelSegmentBytes);
        nfvEcho = new ReadOnlySequence<byte>(SampleReplies.Of(EmulatedKind.Nfv, "bogus"));
        var vf = SampleReplies.Of(EmulatedKind.Vf, "status");
        vfStatus = new ReadOnlySequence<byte>(vf);
        vfStatusSegments = Segments.Split(vf, vf.Length / 3 + 1);
    }

    [Benchmark(Description = "nfv status, padded, one read")]
    public byte[] PaddedStatus() => Frame(padded, nfvStatus, nfvStatus.Length);

    [Benchmark(Description = "nfv status, padded, 4096-byte segments, reads of 64 bytes")]
    public byte[] PaddedStatusSplit() => Frame(padded, nfvStatusSegments, 64);

    /// <summary>A busy process: the next command went out before the padding of the previous reply was read.</summary>
    [Benchmark(Description = "nfv status behind the previous reply's unread padding, 4096-byte segments")]
    public byte[] PaddedStatusAfterPadding() => Frame(padded, nfvStatusAfterPadding, nfvStatusAfterPadding.Length);

    [Benchmark(Description = "nfv echo (text), padded, one read")]
    public byte[] PaddedText() => Frame(padded, nfvEcho, nfvEcho.Length);

    [Benchmark(Description = "vf status, one read")]
    public byte[] StreamStatus() => Frame(stream, vfStatus, vfStatus.Length);

    [Benchmark(Description = "vf status, 3 segments, one read each")]
    public byte[] StreamStatusSplit() => Frame(stream, vfStatusSegments, vfStatusSegments.First.Length);

    /// <summary>
    /// What a process line does: shows the framer what has arrived, <paramref name="readBytes"/> more per read,
    /// until the reply is complete, then lets it drop the rest of the padding.
    /// </summary>
    private static byte[] Frame(ReplyFramer framer, ReadOnlySequence<byte> wire, long readBytes)
    {
        framer.ExpectReply();
        long consumedBytes = 0;
        for (var arrived = readBytes; ; arrived += readBytes)
        {
            var visible = wire.Slice(consumedBytes, Math.Min(arrived, wire.Length) - consumedBytes);
            var outcome = framer.Read(visible, out var consumed, out _);
            consumedBytes += visible.Slice(0, consumed).Length;
            if (outcome.Kind == FrameKind.Reply)
            {
                if (consumedBytes < wire.Length) framer.Read(wire.Slice(consumedBytes), out _, out _);
                return outcome.Reply!;
            }
            if (outcome.Kind == FrameKind.Violation) throw new InvalidOperationException(outcome.Violation);
        }
    }
}
