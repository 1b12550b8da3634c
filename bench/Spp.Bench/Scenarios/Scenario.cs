using Spp.Bench.Daemon;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// One numbered scenario: it starts a daemon of each build it is given (this build, and the baseline when
/// comparing), measures them in turn, and returns its figures, one reading per build.
/// </summary>
public sealed record Scenario(int Number, string Title, Func<IReadOnlyList<DaemonBuild>, RunSettings, TextWriter, Task<IReadOnlyList<Figure>>> RunAsync)
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new(1, "added latency of the daemon", AddedLatency.RunAsync),
        new(2, "GET /v1/processes against the number of processes", ProcessList.RunAsync),
        new(3, "pass-through requests against processes and clients", PassThrough.RunAsync),
        new(4, "bad input (400)", BadInput.RunAsync),
        new(5, "resources", Resources.RunAsync),
        new(6, "64 processes connecting at once", SimultaneousConnects.RunAsync),
        new(DirectShare.Number, "pass-through against the direct limit of one process", DirectShare.RunAsync),
        new(RoutedThroughHost.Number, "a command through another host of a cluster against its own host", RoutedThroughHost.RunAsync),
    ];
}
