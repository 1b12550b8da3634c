using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Spp.Emulator;
using Spp.Protocol;

namespace Spp.Bench.Micro;

/// <summary>
/// Replies exactly as the processes put them on the wire, taken from the emulator over loopback: padded blocks
/// of 32768 bytes from primary and nfv, bare JSON from vf, mirror and pcap.
/// </summary>
public static class SampleReplies
{
    public const int PaddedBlockBytes = 32768;

    public static byte[] Of(EmulatedKind kind, string command) => FetchAsync(kind, command).GetAwaiter().GetResult();

    /// <summary>A process's status reply as the framer hands it over (padding cut), and the process's type.</summary>
    public static (byte[] Reply, ProcessType Type) Status(EmulatedKind kind)
    {
        var framed = Of(kind, "status");
        var nul = Array.IndexOf(framed, (byte)0);
        return (nul < 0 ? framed : framed[..nul], Enum.Parse<ProcessType>(kind.ToString()));
    }

    private static async Task<byte[]> FetchAsync(EmulatedKind kind, string command)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var endpoint = new ControllerEndpoint("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
            await using var process = EmulatedProcess.Start(kind, 1, endpoint);
            using var socket = await listener.AcceptSocketAsync();
            await socket.SendAsync(Encoding.ASCII.GetBytes(command));
            var padded = kind is EmulatedKind.Primary or EmulatedKind.Nfv;
            var reply = new MemoryStream();
            var buffer = new byte[PaddedBlockBytes];
            while (padded ? reply.Length < PaddedBlockBytes : !IsJson(reply))
            {
                var n = await socket.ReceiveAsync(buffer);
                if (n == 0) throw new IOException($"{kind} closed the connection");
                reply.Write(buffer, 0, n);
            }
            return reply.ToArray();
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool IsJson(MemoryStream bytes)
    {
        if (bytes.Length == 0) return false;
        try
        {
            using var _ = JsonDocument.Parse(bytes.ToArray());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
