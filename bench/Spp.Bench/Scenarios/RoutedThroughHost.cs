using System.Net;
using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 8: two daemons of this build as one cluster on loopback, hosts a and b, one spp_nfv on b.
/// <c>GET /v1/nfvs/1</c> on b (its own host) against <c>GET /v1/hosts/b/nfvs/1</c> on a (validated on a, run by b
/// through Akka.Remote), with 1 and 16 clients, interleaved. Only this build: a baseline may predate the cluster.
/// </summary>
public static class RoutedThroughHost
{
    public const int Number = 8;
    private static readonly int[] ClientCounts = [1, 16];

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        var clusterPorts = FreePorts.BelowEphemeral(2);
        await using var owner = await DaemonUnderTest.StartAsync("host b", builds[0], "--cluster-port", $"{clusterPorts[0]}", "--host-name", "b");
        await using var entry = await DaemonUnderTest.StartAsync("host a", builds[0],
            "--cluster-port", $"{clusterPorts[1]}", "--host-name", "a", "--seed", $"127.0.0.1:{clusterPorts[0]}");
        await owner.Processes.GrowToAsync(1, nfvs: 1);
        var own = ApiCall.Get(owner.Api, "/v1/nfvs/1");
        var routed = ApiCall.Get(entry.Api, "/v1/hosts/b/nfvs/1");
        await UntilServedAsync(routed.Targets[0]);
        foreach (var (side, call) in new[] { (owner, own), (entry, routed) })
        {
            progress.WriteLine($"  warming up {side.Role}");
            await side.Load.RunAsync(call, 16, settings.JitWarmUpLimit / 2, TimeSpan.Zero);
        }

        var figures = new List<Figure>();
        var sides = new[] { (Daemon: owner, Call: own), (Daemon: entry, Call: routed) };
        foreach (var clients in ClientCounts)
        {
            progress.WriteLine($"  own host against through another host, {clients} clients");
            var runs = await settings.InterleaveAsync(sides, s => s.Daemon.Load.RunAsync(s.Call, clients, settings.Duration, settings.Warmup));
            var onOwnHost = LoadResult.Median(runs[0]);
            var throughOther = LoadResult.Median(runs[1]);
            figures.Add(new Figure(Number, $"`GET /v1/nfvs/1` on its own host, {clients} clients", "req/s", onOwnHost.Throughput));
            figures.Add(new Figure(Number, $"`GET /v1/hosts/b/nfvs/1` through another host, {clients} clients", "req/s", throughOther.Throughput));
            figures.Add(new Figure(Number, $"through another host ÷ on its own host, {clients} clients", "×",
                new Reading(throughOther.RequestsPerSecond / onOwnHost.RequestsPerSecond,
                    $"p50 {Figure.Format(throughOther.P50, "µs")} against {Figure.Format(onOwnHost.P50, "µs")}")));
        }
        return figures;
    }

    private static async Task UntilServedAsync(Uri routed)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync(routed);
            if (response.StatusCode == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{routed} still answers {(int)response.StatusCode}: the hosts did not form a cluster");
            await Task.Delay(20);
        }
    }
}
