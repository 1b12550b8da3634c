using System.Net;
using System.Net.Sockets;
using System.Text;
using Spp.Protocol;

namespace Spp.Actors.Tests.Fakes;

/// <summary>
/// Plays an SPP process over a real loopback connection to one of the controller's SPP ports: it reads the command
/// bytes the controller wrote and writes reply bytes back, in one write or several, then closes or resets.
/// </summary>
public sealed class FakeProcess : IDisposable
{
    public const int BlockSize = 32768;

    /// <summary>How long the fake waits for the controller to write something that should come at once.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Socket socket;
    private readonly byte[] received = new byte[64 * 1024];

    private FakeProcess(Socket socket) => this.socket = socket;

    /// <summary>Connects to <paramref name="port"/> on loopback; every write goes out as its own segment.</summary>
    public static async Task<FakeProcess> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Patience);
        return new FakeProcess(socket);
    }

    /// <summary>
    /// Waits for the next command and returns the bytes the controller has written since the last one, so two
    /// commands written without a reply in between come back glued together.
    /// </summary>
    public async Task<string> NextCommandAsync()
    {
        var count = await ReceiveAsync();
        if (count == 0) throw new InvalidOperationException("the controller closed the connection");
        return Encoding.ASCII.GetString(received, 0, count);
    }

    /// <summary>True if the controller has written nothing that has not been read yet.</summary>
    public bool HasNoCommandWaiting() => socket.Available == 0;

    /// <summary>
    /// Waits until the controller closes or resets the connection and returns what it wrote before that (a test
    /// expects nothing).
    /// </summary>
    public async Task<string> ClosedByControllerAsync()
    {
        var written = new StringBuilder();
        try
        {
            for (int count; (count = await ReceiveAsync()) > 0;) written.Append(Encoding.ASCII.GetString(received, 0, count));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
        return written.ToString();
    }

    public async Task SendAsync(byte[] bytes)
    {
        using var patience = new CancellationTokenSource(Patience);
        await socket.SendAsync(bytes, SocketFlags.None, patience.Token);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> in pieces of <paramref name="pieceSize"/> bytes, one write each.</summary>
    public async Task SendInPiecesAsync(byte[] bytes, int pieceSize)
    {
        for (var start = 0; start < bytes.Length; start += pieceSize)
            await SendAsync(bytes[start..Math.Min(bytes.Length, start + pieceSize)]);
    }

    /// <summary>The process closes its end of the connection (FIN).</summary>
    public void Close() => socket.Close();

    /// <summary>The process resets the connection (RST).</summary>
    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public void Dispose() => socket.Dispose();

    /// <summary>Reply text followed by NUL bytes up to one 32768-byte block, as spp_primary and spp_nfv send it.</summary>
    public static byte[] Padded(string text)
    {
        var block = new byte[BlockSize];
        Encoding.ASCII.GetBytes(text, block);
        return block;
    }

    public static byte[] Nuls(int count) => new byte[count];

    /// <summary>A secondary's answer to <c>_get_client_id</c>: padded for spp_nfv, spaced JSON for the workers.</summary>
    public static byte[] IdentificationReply(ProcessId id) => id.Type == ProcessType.Nfv
        ? Padded($$"""{"results":[{"result":"success"}],"client_id":{{id.ClientId}},"process_type":"nfv"}""")
        : Encoding.ASCII.GetBytes(
            $$"""{ "results": [ { "result": "success" } ], "client_id": {{id.ClientId}}, "process_type": "{{id.Type.WireName()}}" }""");

    private async Task<int> ReceiveAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        return await socket.ReceiveAsync(received, SocketFlags.None, patience.Token);
    }
}
