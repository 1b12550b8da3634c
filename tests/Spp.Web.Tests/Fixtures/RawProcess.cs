using System.Net.Sockets;
using System.Text;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// A hand-driven SPP process on a raw socket, for byte streams the emulator would never send: stray bytes,
/// endless replies.
/// </summary>
public sealed class RawProcess : IAsyncDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] buffer = new byte[65536];

    public static async Task<RawProcess> ConnectAsync(int port)
    {
        var process = new RawProcess();
        await process.socket.ConnectAsync("127.0.0.1", port);
        return process;
    }

    /// <summary>Reads one command (one read is one command, as the real processes do); null when closed.</summary>
    public async Task<string?> ReadCommandAsync()
    {
        var read = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Controller.Patience);
        return read == 0 ? null : Encoding.ASCII.GetString(buffer, 0, read);
    }

    public async Task SendAsync(string text) => await SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes);
            bytes = bytes[sent..];
        }
    }

    /// <summary>Answers the handshake as spp_vf with <paramref name="clientId"/>.</summary>
    public async Task IdentifyAsVfAsync(int clientId)
    {
        Assert.Equal("_get_client_id", await ReadCommandAsync());
        await SendAsync($$"""{ "results": [ { "result": "success" } ], "client_id": {{clientId}}, "process_type": "vf" }""");
    }

    /// <summary>True once the controller has closed the connection (reads end).</summary>
    public async Task<bool> ClosedByControllerAsync()
    {
        try
        {
            while (await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Controller.Patience) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
