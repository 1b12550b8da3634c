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

    public static async Task<IReadOnlyList<Figure>> RunAsync(RunSettings settings, TextWriter progress)
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var processes = new ConnectedProcesses(daemon);
        using var load = new LoadGenerator(daemon.ProcessId);
        var call = ApiCall.Get(daemon.Api, "/v1/processes");
        await JitWarmUp.RunAsync(daemon, load, [call], settings, progress);

        var figures = new List<Figure>();
        var rates = new List<double>();
        foreach (var count in ProcessCounts)
        {
            progress.WriteLine($"  {count} processes");
            await processes.GrowToAsync(count, nfvs: 1);
            var result = LoadResult.Median(await settings.RepeatAsync(() => load.RunAsync(call, Clients, settings.Duration, settings.Warmup)));
            rates.Add(result.RequestsPerSecond);
            figures.Add(new(2, $"`GET /v1/processes`, {count} processes, {Clients} clients", result.RequestsPerSecond, "req/s",
                result.Detail, count == ProcessCounts[^1] ? Target.Minimum(20_000) : null));
        }
        figures.Add(new(2, $"flatness: req/s at {ProcessCounts[^1]} ÷ req/s at {ProcessCounts[0]} processes", rates[^1] / rates[0], "×"));
        return figures;
    }
}
