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

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Pipe commands;
    private readonly Pipe replies;

    /// <param name="settings">The controller's time limits for this line.</param>
    /// <param name="writesWaitForController">
    /// If true, a write of reply bytes completes only once the controller has consumed every byte written so far.
    /// </param>
    public FakeProcess(ControllerSettings settings, bool writesWaitForController = false)
    {
        commands = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false));
        replies = new Pipe(writesWaitForController
            ? new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1, useSynchronizationContext: false)
            : new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false));
        Line = new ProcessLine(new Transport(replies.Reader, commands.Writer), settings);
    }

    public ProcessLine Line { get; }

    /// <summary>Waits for the next command and returns every byte the controller has written since the last one.</summary>
    public async Task<string> NextCommandAsync()
    {
        var read = await commands.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var text = Encoding.ASCII.GetString(read.Buffer.ToArray());
        commands.Reader.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted && text.Length == 0) throw new InvalidOperationException("the controller closed the line");
        return text;
    }

    /// <summary>True if the controller has written nothing that has not been read yet.</summary>
    public bool HasNoCommandWaiting()
    {
        if (!commands.Reader.TryRead(out var read)) return true;
        var empty = read.Buffer.IsEmpty;
        commands.Reader.AdvanceTo(read.Buffer.Start);
        return empty;
    }

    /// <summary>Writes <paramref name="bytes"/> in one write.</summary>
    public async Task SendAsync(byte[] bytes) => await replies.Writer.WriteAsync(bytes).AsTask().WaitAsync(Patience);

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> in pieces of <paramref name="pieceSize"/> bytes, one write each.</summary>
    public async Task SendInPiecesAsync(byte[] bytes, int pieceSize)
    {
        for (var start = 0; start < bytes.Length; start += pieceSize)
            await SendAsync(bytes[start..Math.Min(bytes.Length, start + pieceSize)]);
    }

    /// <summary>The process closes its end of the connection.</summary>
    public async Task CloseAsync()
    {
        await replies.Writer.CompleteAsync();
        await commands.Reader.CompleteAsync();
    }

    /// <summary>Reply text followed by NUL bytes up to one 32768-byte block, as spp_primary and spp_nfv send it.</summary>
    public static byte[] Padded(string text)
    {
        var block = new byte[BlockSize];
        Encoding.ASCII.GetBytes(text, block);
        return block;
    }

    public static byte[] Nuls(int count) => new byte[count];

    private sealed record Transport(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
