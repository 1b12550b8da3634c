using System.Net;
using System.Net.Sockets;
using System.Text;
using Spp.Protocol.Framing;

namespace Spp.Floor;

/// <summary>Bare sockets: each HTTP connection's loop sends <c>status</c> under a lock (one command in flight).</summary>
internal static class SocketPassThrough
{
    public static async Task RunAsync(int secPort, int httpPort)
    {
        using var secondary = Listen(secPort);
        using var http = Listen(httpPort);
        using var process = await secondary.AcceptAsync();
        process.NoDelay = true;
        var reply = new byte[ReplyFramer.PaddedBlockSize];
        await process.SendAsync("_get_client_id"u8.ToArray());
        await ReadReplyAsync(process, reply);
        var turn = new SemaphoreSlim(1);
        while (true)
        {
            var client = await http.AcceptAsync();
            client.NoDelay = true;
            _ = ServeAsync(client, process, reply, turn);
        }
    }

    private static Socket Listen(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        socket.Listen(1024);
        return socket;
    }

    private static async Task ReadReplyAsync(Socket process, byte[] reply)
    {
        for (var got = 0; got < reply.Length;)
        {
            var n = await process.ReceiveAsync(reply.AsMemory(got));
            if (n == 0) throw new IOException("the process closed its connection");
            got += n;
        }
    }

    private static async Task ServeAsync(Socket client, Socket process, byte[] reply, SemaphoreSlim turn)
    {
        using var _ = client;
        var request = new byte[4096];
        var answer = new byte[ReplyFramer.PaddedBlockSize + 256];
        var length = 0;
        while (true)
        {
            var n = await client.ReceiveAsync(request.AsMemory(length));
            if (n == 0) return;
            length += n;
            int end;
            while ((end = request.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) >= 0)
            {
                request.AsSpan(end + 4, length - end - 4).CopyTo(request);
                length -= end + 4;
                int size;
                await turn.WaitAsync();
                try
                {
                    await process.SendAsync(StatusCommand.Bytes);
                    await ReadReplyAsync(process, reply);
                    var json = PaddedReply.JsonLength(reply);
                    var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {json}\r\n\r\n");
                    head.CopyTo(answer, 0);
                    reply.AsSpan(0, json).CopyTo(answer.AsSpan(head.Length));
                    size = head.Length + json;
                }
                finally
                {
                    turn.Release();
                }
                await client.SendAsync(answer.AsMemory(0, size));
            }
        }
    }
}
