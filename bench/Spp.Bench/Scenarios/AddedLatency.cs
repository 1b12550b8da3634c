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
    private const double AddedLatencyTarget = 50;

    /// <summary>Where a repetition sends its <c>status</c>: straight to an nfv, or through one of the daemons.</summary>
    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        await daemons.EachAsync(d => d.Processes.GrowToAsync(1, nfvs: 1));
        await JitWarmUp.RunAsync(daemons, api => [Status(api)], settings, progress);

        progress.WriteLine("  (a) status straight to an emulated nfv over TCP, then (b) GET /v1/nfvs/1 through each daemon");
        // One repetition is (a), then (b) of each daemon: the added latency pairs runs made side by side.
        var runs = await settings.InterleaveAsync(StatusRoute.StraightThenEach(daemons), route => route.RunAsync(Status, 1, settings));
        var direct = runs[0];
        var viaApi = runs.Skip(1).ToList();
        return
        [
            Figure.WithoutDaemon(1, "(a) `status` straight to the nfv over TCP, 1 client", "req/s", LoadResult.Median(direct).Throughput),
            Figure.Of(1, "(b) `GET /v1/nfvs/1` through the daemon, 1 client", "req/s", viaApi.Select(r => LoadResult.Median(r).Throughput)),
            Figure.Of(1, "added latency (b) − (a), p50", "µs", viaApi.Select(r => Added(direct, r, run => run.P50)), Target.Maximum(AddedLatencyTarget)),
            Figure.Of(1, "added latency (b) − (a), p99", "µs", viaApi.Select(r => Added(direct, r, run => run.P99))),
        ];
    }

    private static ApiCall Status(Uri api) => ApiCall.Get(api, "/v1/nfvs/1");

    /// <summary>The median over the repetitions of (b) − (a) within each.</summary>
    private static Reading Added(IReadOnlyList<LoadResult> direct, IReadOnlyList<LoadResult> viaApi, Func<LoadResult, double> latency) =>
        new(Statistics.Median(direct.Zip(viaApi, (d, v) => latency(v) - latency(d))));
}
