using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>One numbered scenario of the issue: it starts what it needs, measures, and returns its figures.</summary>
public sealed record Scenario(int Number, string Title, Func<RunSettings, TextWriter, Task<IReadOnlyList<Figure>>> RunAsync)
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new(1, "added latency of the daemon", AddedLatency.RunAsync),
        new(2, "GET /v1/processes against the number of processes", ProcessList.RunAsync),
        new(3, "pass-through requests against processes and clients", PassThrough.RunAsync),
        new(4, "bad input (400)", BadInput.RunAsync),
        new(5, "resources", Resources.RunAsync),
    ];
}
