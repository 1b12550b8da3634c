using System.Net.Sockets;
using System.Text;
using Spp.Emulator.Wire;

namespace Spp.Emulator;

/// <summary>
/// The whole life of one connection: read a request (one read is one request), let the behaviour answer,
/// apply the faults, write the reply, until the connection ends.
/// </summary>
internal sealed class CommandSession(
    EmulatedKind kind,
    IProcessBehaviour behaviour,
    ReplyFraming framing,
    FaultSettings faults,
    Action<byte[]> received,
    Action<string> log)
{
    public async Task<SessionEnd> ServeAsync(Socket socket, CancellationToken token)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var buffer = new byte[framing.ReadSize];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, token);
                if (read == 0) return SessionEnd.PeerClosed;
                var end = await AnswerAsync(stream, buffer[..read], token);
                if (end is not null) return end.Value;
            }
        }
        catch (OperationCanceledException)
        {
            return SessionEnd.Dropped;
        }
        catch (IOException)
        {
            return SessionEnd.PeerClosed;
        }
    }

    /// <summary>Handles one request; returns how the connection ends, or null to keep reading.</summary>
    private async Task<SessionEnd?> AnswerAsync(NetworkStream stream, byte[] chunk, CancellationToken token)
    {
        received(chunk);
        log($"command {Encoding.Latin1.GetString(chunk)}");
        if (faults.IsHanging) return null;
        var request = Request.From(chunk);
        var snapshot = faults.Snapshot();
        var handshake = IsHandshake(request);
        if (handshake && snapshot.SilentHandshake) return null;
        var reply = behaviour.Handle(request, snapshot);
        switch (reply.Fate)
        {
            case Fate.Crash:
                log("crashed");
                return SessionEnd.Crashed;
            case Fate.Hang:
                log("hung");
                await WaitAsync(Timeout.InfiniteTimeSpan, token);
                return SessionEnd.Hung;
        }
        var block = framing.Frame(Substitute(reply.Message, snapshot, handshake));
        if (snapshot.ReplyDelay > TimeSpan.Zero) await Task.Delay(snapshot.ReplyDelay, token);
        await WriteAsync(stream, block, snapshot, token);
        log($"reply {block.Length} bytes");
        var closeNow = faults.CountAnswer();
        if (reply.Fate == Fate.Exit)
        {
            await WaitAsync(framing.ExitDelay, token);
            return SessionEnd.Exited;
        }
        return closeNow ? SessionEnd.FaultClosed : null;
    }

    // nfv looks at the first word only; the worker family needs it alone.
    private bool IsHandshake(Request request) => kind switch
    {
        EmulatedKind.Primary => false,
        EmulatedKind.Nfv => request.Word == "_get_client_id",
        _ => request.Tokens is ["_get_client_id"],
    };

    private static byte[] Substitute(byte[] message, FaultSnapshot faults, bool handshake)
    {
        if (faults.ExactReply is { } exact && !handshake) return Encoding.UTF8.GetBytes(exact);
        return faults.Garbage == GarbageKind.None ? message : Garbage.Create(faults.Garbage);
    }

    private static async Task WriteAsync(NetworkStream stream, byte[] block, FaultSnapshot faults, CancellationToken token)
    {
        if (faults.SplitSegmentBytes <= 0)
        {
            await stream.WriteAsync(block, token);
            return;
        }
        for (var offset = 0; offset < block.Length; offset += faults.SplitSegmentBytes)
        {
            if (offset > 0) await Task.Delay(faults.SplitPause, token);
            await stream.WriteAsync(block.AsMemory(offset, Math.Min(faults.SplitSegmentBytes, block.Length - offset)), token);
        }
    }

    private static async Task WaitAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token);
        }
        catch (OperationCanceledException)
        {
            // Dropped or disposed meanwhile: the connection ends either way.
        }
    }
}
