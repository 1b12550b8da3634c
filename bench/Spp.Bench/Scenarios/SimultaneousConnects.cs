using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 6: 64 secondaries connect in the same instant, as they do when the daemon comes back and every process
/// retrying to reach it gets through; the time until <c>GET /v1/processes</c> lists them all (identified and
/// registered). Measured on a freshly started daemon, then on the same daemon once those 64 have gone and 64 others
/// connect. A fresh daemon per repetition, of each build in turn.
/// </summary>
public static class SimultaneousConnects
{
    private const int Processes = 64;
    private const int Nfvs = 16;

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        // The bench's own first time (compiling the emulator's and HttpClient's code) is paid here, unmeasured, so
        // that it falls on no build.
        progress.WriteLine("  a first round, not measured");
        await MeasureAsync(builds[0]);

        progress.WriteLine($"  {Processes} processes at once, on a fresh daemon and again on the same daemon");
        var runs = await settings.InterleaveAsync(builds, MeasureAsync);
        var detail = $"median of {settings.Runs}, each on a freshly started daemon";
        return
        [
            Figure.Of(6, $"{Processes} processes connecting at once, until all are listed: fresh daemon", "ms",
                runs.Select(r => new Reading(Statistics.Median(r.Select(t => t.Fresh.TotalMilliseconds)), detail)), Target.Maximum(5000)),
            Figure.Of(6, $"{Processes} processes connecting at once, until all are listed: again, once the first {Processes} have gone", "ms",
                runs.Select(r => new Reading(Statistics.Median(r.Select(t => t.Again.TotalMilliseconds)), detail))),
        ];
    }

    private static async Task<(TimeSpan Fresh, TimeSpan Again)> MeasureAsync(DaemonBuild build)
    {
        await using var daemon = await DaemonProcess.StartAsync(build);
        TimeSpan fresh;
        await using (var first = new ConnectedProcesses(daemon))
        {
            fresh = await first.GrowToAsync(Processes, Nfvs);
        }
        await using var second = new ConnectedProcesses(daemon);
        await second.WaitUntilListedAsync(0);
        var again = await second.GrowToAsync(Processes, Nfvs);
        return (fresh, again);
    }
}
