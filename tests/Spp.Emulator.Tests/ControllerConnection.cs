using System.Net.Sockets;
using System.Text;

namespace Spp.Emulator.Tests;

/// <summary>One accepted process connection, seen from the controller: write a request, read the reply bytes.</summary>
internal sealed class ControllerConnection(Socket socket) : IDisposable
{
    public const int BlockSize = 32768;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly List<byte> _pending = [];

    /// <summary>Writes the request with one write, without terminator.</summary>
    public async Task SendAsync(string request) => await socket.SendAsync(Encoding.ASCII.GetBytes(request));

    /// <summary>Sends a request to primary or nfv and reads the whole 32768-byte block of the reply.</summary>
    public async Task<byte[]> BlockAsync(string request)
    {
        await SendAsync(request);
        return await ReadExactlyAsync(BlockSize);
    }

    /// <summary>Sends a request to primary or nfv; returns the message (before the first NUL).</summary>
    public async Task<string> PaddedAsync(string request)
    {
        await SendAsync(request);
        return await ReadPaddedAsync();
    }

    /// <summary>Reads a 32768-byte block; returns the message (before the first NUL) after checking the rest is NUL.</summary>
    public async Task<string> ReadPaddedAsync()
    {
        var block = await ReadExactlyAsync(BlockSize);
        var end = Array.IndexOf(block, (byte)0);
        Assert.True(end >= 0, "the block has a NUL after the message");
        Assert.True(block.AsSpan(end).IndexOfAnyExcept((byte)0) < 0, "the block is NUL after the message");
        return Encoding.ASCII.GetString(block, 0, end);
    }

    /// <summary>Sends a request to vf, mirror or pcap; returns the JSON reply and checks nothing else came with it.</summary>
    public async Task<string> StreamAsync(string request)
    {
        await SendAsync(request);
        var reply = await ReadJsonObjectAsync();
        Assert.Empty(_pending);
        return reply;
    }

    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        while (_pending.Count < count) await FillAsync(Timeout);
        return Take(count);
    }

    /// <summary>Reads one JSON object, however it is segmented.</summary>
    public async Task<string> ReadJsonObjectAsync()
    {
        int end;
        while ((end = JsonObjectEnd()) < 0) await FillAsync(Timeout);
        return Encoding.ASCII.GetString(Take(end));
    }

    /// <summary>Reads whatever arrives until nothing more comes for <paramref name="idle"/>.</summary>
    public async Task<byte[]> ReadUntilIdleAsync(TimeSpan idle)
    {
        await FillAsync(Timeout);
        while (await TryFillAsync(idle)) { }
        return Take(_pending.Count);
    }

    /// <summary>Counts the reads needed to receive <paramref name="count"/> bytes.</summary>
    public async Task<(byte[] Bytes, int Reads)> ReadCountingAsync(int count)
    {
        var reads = 0;
        while (_pending.Count < count)
        {
            await FillAsync(Timeout);
            reads++;
        }
        return (Take(count), reads);
    }

    /// <summary>True when no byte arrives (and the connection stays open) for <paramref name="period"/>.</summary>
    public async Task<bool> StaysSilentAsync(TimeSpan period)
    {
        try
        {
            return !await TryFillAsync(period);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits for the process to close the connection; returns the bytes that came before.</summary>
    public async Task<byte[]> ReadUntilClosedAsync()
    {
        var buffer = new byte[65536];
        using var timeout = new CancellationTokenSource(Timeout);
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0) _pending.AddRange(buffer[..read]);
        return Take(_pending.Count);
    }

    public void Dispose() => socket.Dispose();

    private async Task FillAsync(TimeSpan limit)
    {
        if (!await TryFillAsync(limit)) throw new TimeoutException("no reply from the process");
    }

    // False when nothing arrived within the limit; EOF is an error.
    private async Task<bool> TryFillAsync(TimeSpan limit)
    {
        var buffer = new byte[65536];
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0) throw new IOException("the process closed the connection");
            _pending.AddRange(buffer[..read]);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private byte[] Take(int count)
    {
        var taken = _pending.GetRange(0, count).ToArray();
        _pending.RemoveRange(0, count);
        return taken;
    }

    // Index after the closing brace of the object at the start of the pending bytes, or -1.
    private int JsonObjectEnd()
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < _pending.Count; i++)
        {
            var c = (char)_pending[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0) return i + 1;
                    break;
            }
        }
        return -1;
    }
}
