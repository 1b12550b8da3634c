using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 2: <c>GET /v1/processes</c> with 16 concurrent clients while 1, 16, 64 and 256 processes are
/// connected. Nothing is sent to the processes, so the rate should not depend on how many there are.
/// </summary>
public static class ProcessList
{
    private const int Clients = 16;
    private static readonly int[] ProcessCounts = [1, 16, 64, 256];

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        await JitWarmUp.RunAsync(daemons, api => [List(api)], settings, progress);

        var figures = new List<Figure>();
        var rates = new List<IReadOnlyList<LoadResult>>();
        foreach (var count in ProcessCounts)
        {
            progress.WriteLine($"  {count} processes");
            await daemons.EachAsync(d => d.Processes.GrowToAsync(count, nfvs: 1));
            var results = await daemons.LoadAsync(settings, List, Clients);
            rates.Add(results);
            figures.Add(Figure.Of(2, $"`GET /v1/processes`, {count} processes, {Clients} clients", "req/s", results.Select(r => r.Throughput),
                count == ProcessCounts[^1] ? Target.Minimum(20_000) : null));
        }
        figures.Add(Figure.Of(2, $"flatness: req/s at {ProcessCounts[^1]} ÷ req/s at {ProcessCounts[0]} processes", "×",
            rates[^1].Zip(rates[0], (most, one) => new Reading(most.RequestsPerSecond / one.RequestsPerSecond))));
        return figures;
    }

    private static ApiCall List(Uri api) => ApiCall.Get(api, "/v1/processes");
}
