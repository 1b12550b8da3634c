using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 1: the same <c>status</c> of one spp_nfv, (a) sent by the bench straight over TCP, (b) asked for with
/// <c>GET /v1/nfvs/1</c> through the daemon, one client; the daemon's cost is (b) − (a).
/// </summary>
public static class AddedLatency
{
    private const int MaxRoundTripsPerSecond = 100_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync(RunSettings settings, TextWriter progress)
    {
        var capacity = (int)(settings.Duration.TotalSeconds * MaxRoundTripsPerSecond);
        progress.WriteLine("  (a) status straight to an emulated nfv over TCP");
        var direct = await settings.RepeatAsync(async () =>
        {
            await using var controller = await DirectController.StartAsync();
            await controller.MeasureAsync(settings.Warmup, capacity);
            var sorted = await controller.MeasureAsync(settings.Duration, capacity);
            return new LoadResult(sorted.Length, 0, sorted.Length / settings.Duration.TotalSeconds,
                Statistics.Microseconds(Statistics.Percentile(sorted, 0.50)), Statistics.Microseconds(Statistics.Percentile(sorted, 0.99)), null);
        });

        progress.WriteLine("  (b) GET /v1/nfvs/1 through the daemon");
        await using var daemon = await DaemonProcess.StartAsync();
        await using var processes = new ConnectedProcesses(daemon);
        await processes.GrowToAsync(1, nfvs: 1);
        using var load = new LoadGenerator(daemon.ProcessId);
        var call = ApiCall.Get(daemon.Api, "/v1/nfvs/1");
        await JitWarmUp.RunAsync(daemon, load, [call], settings, progress);
        var viaApi = await settings.RepeatAsync(() => load.RunAsync(call, 1, settings.Duration, settings.Warmup));

        var a = LoadResult.Median(direct);
        var b = LoadResult.Median(viaApi);
        // Added latency per run pairs the i-th runs; their median is the figure.
        var addedP50 = Statistics.Median(direct.Zip(viaApi, (d, v) => v.P50 - d.P50));
        var addedP99 = Statistics.Median(direct.Zip(viaApi, (d, v) => v.P99 - d.P99));
        return
        [
            new(1, "(a) `status` straight to the nfv over TCP, 1 client", a.RequestsPerSecond, "req/s", a.Detail),
            new(1, "(b) `GET /v1/nfvs/1` through the daemon, 1 client", b.RequestsPerSecond, "req/s", b.Detail),
            new(1, "added latency (b) − (a), p50", addedP50, "µs", "", Target.Maximum(100)),
            new(1, "added latency (b) − (a), p99", addedP99, "µs"),
        ];
    }
}
