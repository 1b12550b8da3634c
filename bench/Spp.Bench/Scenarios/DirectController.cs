using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Spp.Emulator;
using Spp.Protocol;
using Spp.Protocol.Framing;

namespace Spp.Bench.Scenarios;

/// <summary>
/// The bench itself as the controller, with nothing in between: an emulated spp_nfv or spp_vf connects to this
/// listener, and each round trip writes <c>status</c> and reads the whole reply: an nfv's 32768-byte padded block,
/// a vf's JSON up to its outermost closing bracket (cut by the daemon's own <see cref="ReplyFramer"/>).
/// </summary>
public sealed class DirectController : IAsyncDisposable
{
    private const int PaddedReplyBytes = 32768;
    private const int MaxRoundTripsPerSecond = 100_000;
    private static readonly byte[] Status = "status"u8.ToArray();

    private readonly TcpListener listener;
    private readonly EmulatedProcess process;
    private readonly Socket socket;
    private readonly byte[] reply = new byte[PaddedReplyBytes];
    private readonly PipeReader? jsonReplies;
    private readonly ReplyFramer framer = new(ReplyFamily.Stream);

    private DirectController(TcpListener listener, EmulatedProcess process, Socket socket, bool padded)
    {
        this.listener = listener;
        this.process = process;
        this.socket = socket;
        jsonReplies = padded ? null : PipeReader.Create(new NetworkStream(socket));
    }

    /// <summary>Starts an emulated <paramref name="kind"/> (nfv or vf) with <paramref name="clientId"/> and takes its connection.</summary>
    public static async Task<DirectController> StartAsync(EmulatedKind kind = EmulatedKind.Nfv, int clientId = 1)
    {
        if (kind is not (EmulatedKind.Nfv or EmulatedKind.Vf)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "only an nfv or a vf");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var process = EmulatedProcess.Start(kind, clientId, new ControllerEndpoint("127.0.0.1", port));
        var socket = await listener.AcceptSocketAsync();
        socket.NoDelay = true;
        return new DirectController(listener, process, socket, padded: kind == EmulatedKind.Nfv);
    }

    /// <summary>
    /// One run on a fresh process: warm-up, then round trips back to back for the run's duration. One connection is
    /// the limit: an SPP process takes one command at a time.
    /// </summary>
    public static async Task<Load.LoadResult> RunAsync(RunSettings settings, EmulatedKind kind = EmulatedKind.Nfv, int clientId = 1)
    {
        var capacity = (int)(settings.Duration.TotalSeconds * MaxRoundTripsPerSecond);
        await using var controller = await StartAsync(kind, clientId);
        await controller.MeasureAsync(settings.Warmup, capacity);
        var sorted = await controller.MeasureAsync(settings.Duration, capacity);
        return new Load.LoadResult(sorted.Length, 0, sorted.Length / settings.Duration.TotalSeconds,
            Load.Statistics.Microseconds(Load.Statistics.Percentile(sorted, 0.50)),
            Load.Statistics.Microseconds(Load.Statistics.Percentile(sorted, 0.99)), null);
    }

    /// <summary>Round trips for <paramref name="duration"/>; their latencies in stopwatch ticks, sorted.</summary>
    public async Task<long[]> MeasureAsync(TimeSpan duration, int capacity)
    {
        var latencies = new long[capacity];
        var count = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (count < capacity && Stopwatch.GetTimestamp() < deadline)
        {
            var sent = Stopwatch.GetTimestamp();
            await RoundTripAsync();
            latencies[count++] = Stopwatch.GetTimestamp() - sent;
        }
        var measured = latencies[..count];
        Array.Sort(measured);
        return measured;
    }

    private async Task RoundTripAsync()
    {
        await socket.SendAsync(Status);
        if (jsonReplies is { } replies) await ReadJsonReplyAsync(replies);
        else await ReadPaddedReplyAsync();
    }

    private async Task ReadPaddedReplyAsync()
    {
        for (var received = 0; received < PaddedReplyBytes;)
        {
            var n = await socket.ReceiveAsync(reply.AsMemory(received));
            if (n == 0) throw new IOException("the emulated process closed the connection");
            received += n;
        }
    }

    private async Task ReadJsonReplyAsync(PipeReader replies)
    {
        framer.ExpectReply();
        while (true)
        {
            var read = await replies.ReadAsync();
            var outcome = framer.Read(read.Buffer, out var consumed, out var examined);
            replies.AdvanceTo(consumed, examined);
            switch (outcome.Kind)
            {
                case FrameKind.Reply:
                    return;
                case FrameKind.Violation:
                    throw new IOException($"the emulated process broke the framing: {outcome.Violation}");
            }
            if (read.IsCompleted) throw new IOException("the emulated process closed the connection");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (jsonReplies is { } replies) await replies.CompleteAsync();
        socket.Dispose();
        await process.DisposeAsync();
        listener.Stop();
    }
}
