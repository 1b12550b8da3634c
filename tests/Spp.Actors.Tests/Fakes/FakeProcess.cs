using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Spp.Actors.Connections;

namespace Spp.Actors.Tests.Fakes;

/// <summary>
/// Plays an SPP process at the far end of an in-memory connection: it reads the command bytes the controller
/// wrote and writes reply bytes back. <see cref="Line"/> is the controller's side of the same connection.
/// </summary>
public sealed class FakeProcess
{
    public const int BlockSize = 32768;

    private static readonly PipeOptions NeverBlocks =
        new(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false);

    private readonly Pipe commands = new(NeverBlocks);
    private readonly Pipe replies = new(NeverBlocks);
    private readonly CountingReader controllerInput;
    private long sent;

    public FakeProcess(ControllerSettings settings)
    {
        controllerInput = new CountingReader(replies.Reader);
        Line = new ProcessLine(new Transport(controllerInput, commands.Writer), settings);
    }

    public ProcessLine Line { get; }

    /// <summary>
    /// Waits for the next command and returns every byte the controller has written since the last one, so two
    /// commands written without a reply in between come back glued together.
    /// </summary>
    public async Task<string> NextCommandAsync()
    {
        var read = await commands.Reader.ReadAsync().AsTask().WaitAsync(Within.Patience);
        var text = Encoding.ASCII.GetString(read.Buffer.ToArray());
        commands.Reader.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted && text.Length == 0) throw new InvalidOperationException("the controller closed the line");
        return text;
    }

    /// <summary>True if the controller has written nothing that has not been read yet (while the fake still reads).</summary>
    public bool HasNoCommandWaiting()
    {
        if (!commands.Reader.TryRead(out var read)) return true;
        var empty = read.Buffer.IsEmpty;
        commands.Reader.AdvanceTo(read.Buffer.Start);
        return empty;
    }

    /// <summary>Writes <paramref name="bytes"/> in one write.</summary>
    public async Task SendAsync(byte[] bytes)
    {
        Interlocked.Add(ref sent, bytes.Length);
        await replies.Writer.WriteAsync(bytes).AsTask().WaitAsync(Within.Patience);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> in pieces of <paramref name="pieceSize"/> bytes, one write each.</summary>
    public async Task SendInPiecesAsync(byte[] bytes, int pieceSize)
    {
        for (var start = 0; start < bytes.Length; start += pieceSize)
            await SendAsync(bytes[start..Math.Min(bytes.Length, start + pieceSize)]);
    }

    /// <summary>Completes once the controller has consumed (framed or dropped) every byte sent so far.</summary>
    public Task ControllerHasConsumedAllAsync() =>
        Within.Until(() => controllerInput.Consumed == Interlocked.Read(ref sent), "the controller consumed every byte sent");

    /// <summary>The process closes its end of the connection.</summary>
    public async Task CloseAsync()
    {
        await replies.Writer.CompleteAsync();
        await commands.Reader.CompleteAsync();
    }

    /// <summary>The connection is reset: the controller's next read fails.</summary>
    public async Task ResetAsync()
    {
        await replies.Writer.CompleteAsync(new IOException("Connection reset by peer"));
        await commands.Reader.CompleteAsync();
    }

    /// <summary>The process no longer takes bytes: the controller's next write fails.</summary>
    public Task StopReadingAsync() => commands.Reader.CompleteAsync().AsTask();

    /// <summary>Reply text followed by NUL bytes up to one 32768-byte block, as spp_primary and spp_nfv send it.</summary>
    public static byte[] Padded(string text)
    {
        var block = new byte[BlockSize];
        Encoding.ASCII.GetBytes(text, block);
        return block;
    }

    public static byte[] Nuls(int count) => new byte[count];

    private sealed record Transport(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>The controller's reading end, counting the bytes the controller has consumed.</summary>
    private sealed class CountingReader(PipeReader inner) : PipeReader
    {
        private ReadOnlySequence<byte> lastRead;
        private long consumed;

        public long Consumed => Interlocked.Read(ref consumed);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken);
            lastRead = result.Buffer;
            return result;
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result)) return false;
            lastRead = result.Buffer;
            return true;
        }

        public override void AdvanceTo(SequencePosition consumedTo) => AdvanceTo(consumedTo, consumedTo);

        public override void AdvanceTo(SequencePosition consumedTo, SequencePosition examined)
        {
            Interlocked.Add(ref consumed, lastRead.Slice(0, consumedTo).Length);
            inner.AdvanceTo(consumedTo, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }
}
