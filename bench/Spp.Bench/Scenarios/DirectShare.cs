using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 7: one spp_nfv, its direct limit (the bench as the controller, <c>status</c> round trips back to back
/// over one connection, as in scenario 1) against <c>GET /v1/nfvs/1</c> through the daemon with 1, 16 and 64
/// clients, interleaved; the share of the limit the daemon passes through.
/// </summary>
public static class DirectShare
{
    public const int Number = 7;
    private const double ShareTarget = 0.8;
    private static readonly int[] ClientCounts = [1, 16, 64];

    /// <summary>Where a repetition sends its <c>status</c>: straight to an nfv, or through one of the daemons.</summary>
    private sealed record Route(DaemonUnderTest? Daemon);

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        await daemons.EachAsync(d => d.Processes.GrowToAsync(1, nfvs: 1));
        await JitWarmUp.RunAsync(daemons, api => [Status(api)], settings, progress);

        Route[] routes = [new(null), .. daemons.Select(d => new Route(d))];
        var direct = new List<LoadResult>();
        var figures = new List<Figure>();
        foreach (var clients in ClientCounts)
        {
            progress.WriteLine($"  status straight to an emulated nfv, then GET /v1/nfvs/1 through each daemon, {clients} clients");
            var runs = await settings.InterleaveAsync(routes, route => route.Daemon is { } daemon
                ? daemon.Load.RunAsync(Status(daemon.Api), clients, settings.Duration, settings.Warmup)
                : DirectController.RunAsync(settings));
            direct.AddRange(runs[0]);
            var limit = LoadResult.Median(runs[0]).RequestsPerSecond;
            var through = runs.Skip(1).Select(LoadResult.Median).ToList();
            figures.Add(Figure.Of(Number, $"`GET /v1/nfvs/1` through the daemon, {clients} clients", "req/s", through.Select(r => r.Throughput)));
            figures.Add(Figure.Of(Number, $"share of the direct limit, {clients} clients", "×",
                through.Select(r => Share(r.RequestsPerSecond, limit)), clients == 16 ? Target.Minimum(ShareTarget) : null));
        }
        figures.Insert(0, Figure.WithoutDaemon(Number, "direct limit: `status` straight to the nfv, back to back", "req/s",
            LoadResult.Median(direct).Throughput));
        return figures;
    }

    /// <summary>Requests per second through the daemon as a part of the direct limit.</summary>
    public static Reading Share(double through, double limit) => new(through / limit, $"{through:0} of {limit:0} req/s");

    private static ApiCall Status(Uri api) => ApiCall.Get(api, "/v1/nfvs/1");
}
