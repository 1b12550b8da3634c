using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;
using Spp.Emulator;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 7: one spp_nfv and one spp_vf, each its direct limit (the bench as the controller, <c>status</c> round
/// trips back to back over one connection, as in scenario 1) against its <c>GET</c> through the daemon with 1, 16
/// and 64 clients, interleaved; the share of the limit the daemon passes through, and the daemon's CPU per request.
/// </summary>
public static class DirectShare
{
    public const int Number = 7;
    private const double ShareTarget = 0.8;
    private const double CpuPerRequestTarget = 50;
    private const int TargetClients = 16;
    private static readonly int[] ClientCounts = [1, TargetClients, 64];

    /// <summary>The process a part of the scenario measures: nfv 1 (padded replies) and vf 2 (JSON replies).</summary>
    public sealed record Process(EmulatedKind Kind, string Name, int ClientId, string Path)
    {
        public static readonly Process Nfv = new(EmulatedKind.Nfv, "nfv", 1, "/v1/nfvs/1");
        public static readonly Process Vf = new(EmulatedKind.Vf, "vf", 2, "/v1/vfs/2");

        public string DirectLimit => $"{Name} direct limit: `status` straight to the {Name}, back to back";

        public string Through(int clients) => $"`GET {Path}` through the daemon, {clients} clients";

        public string ShareOf(int clients) => $"{Name} share of the direct limit, {clients} clients";

        public string CpuPerRequest(int clients) => $"daemon CPU per `GET {Path}`, {clients} clients";

        public ApiCall Status(Uri api) => ApiCall.Get(api, Path);
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        Process[] processes = [Process.Nfv, Process.Vf];
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        // Client id 1 is an nfv, the next a vf (ConnectedProcesses cycles the others from vf).
        await daemons.EachAsync(d => d.Processes.GrowToAsync(2, nfvs: 1));
        await JitWarmUp.RunAsync(daemons, api => processes.Select(p => p.Status(api)).ToList(), settings, progress);

        var routes = StatusRoute.StraightThenEach(daemons);
        var figures = new List<Figure>();
        foreach (var process in processes)
            figures.AddRange(await RunAsync(process, routes, settings, progress));
        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> RunAsync(Process process, StatusRoute[] routes, RunSettings settings, TextWriter progress)
    {
        var direct = new List<LoadResult>();
        var figures = new List<Figure>();
        foreach (var clients in ClientCounts)
        {
            progress.WriteLine($"  status straight to an emulated {process.Name}, then GET {process.Path} through each daemon, {clients} clients");
            var runs = await settings.InterleaveAsync(routes, route => route.RunAsync(process.Status, clients, settings, process.Kind, process.ClientId));
            direct.AddRange(runs[0]);
            var limit = LoadResult.Median(runs[0]).RequestsPerSecond;
            var through = runs.Skip(1).Select(LoadResult.Median).ToList();
            figures.Add(Figure.Of(Number, process.Through(clients), "req/s", through.Select(r => r.Throughput)));
            figures.Add(Figure.Of(Number, process.ShareOf(clients), "×",
                through.Select(r => Share(r.RequestsPerSecond, limit)), clients == TargetClients ? Target.Minimum(ShareTarget) : null));
            figures.Add(Figure.Of(Number, process.CpuPerRequest(clients), "µs", through.Select(CpuPerRequest), Target.Maximum(CpuPerRequestTarget)));
        }
        figures.Insert(0, Figure.WithoutDaemon(Number, process.DirectLimit, "req/s", LoadResult.Median(direct).Throughput));
        return figures;
    }

    /// <summary>The daemon's CPU time per request (NaN when its CPU was not sampled), with the cores each side kept busy.</summary>
    public static Reading CpuPerRequest(LoadResult through) =>
        new(through.DaemonCpuPerRequest, through.Cpu is { } cpu ? cpu.Text : "CPU not sampled");

    /// <summary>Requests per second through the daemon as a part of the direct limit.</summary>
    public static Reading Share(double through, double limit) => new(through / limit, $"{through:0} of {limit:0} req/s");
}
