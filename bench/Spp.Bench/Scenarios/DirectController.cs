using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Spp.Emulator;

namespace Spp.Bench.Scenarios;

/// <summary>
/// The bench itself as the controller, with nothing in between: an emulated spp_nfv connects to this listener,
/// and each round trip writes <c>status</c> and reads the whole 32768-byte padded reply.
/// </summary>
public sealed class DirectController : IAsyncDisposable
{
    private const int PaddedReplyBytes = 32768;
    private const int MaxRoundTripsPerSecond = 100_000;
    private static readonly byte[] Status = "status"u8.ToArray();

    private readonly TcpListener listener;
    private readonly EmulatedProcess nfv;
    private readonly Socket socket;
    private readonly byte[] reply = new byte[PaddedReplyBytes];

    private DirectController(TcpListener listener, EmulatedProcess nfv, Socket socket)
    {
        this.listener = listener;
        this.nfv = nfv;
        this.socket = socket;
    }

    public static async Task<DirectController> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 1, new ControllerEndpoint("127.0.0.1", port));
        var socket = await listener.AcceptSocketAsync();
        socket.NoDelay = true;
        return new DirectController(listener, nfv, socket);
    }

    /// <summary>
    /// One run on a fresh nfv: warm-up, then round trips back to back for the run's duration. One connection is the
    /// limit: an SPP process takes one command at a time.
    /// </summary>
    public static async Task<Load.LoadResult> RunAsync(RunSettings settings)
    {
        var capacity = (int)(settings.Duration.TotalSeconds * MaxRoundTripsPerSecond);
        await using var controller = await StartAsync();
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
        for (var received = 0; received < PaddedReplyBytes;)
        {
            var n = await socket.ReceiveAsync(reply.AsMemory(received));
            if (n == 0) throw new IOException("the emulated nfv closed the connection");
            received += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        await nfv.DisposeAsync();
        listener.Stop();
    }
}
