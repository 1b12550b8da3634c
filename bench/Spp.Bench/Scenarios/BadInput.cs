using System.Net;
using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 4: <c>PUT /v1/nfvs/1/forward {"action":"bogus"}</c> is refused with <c>400</c> before anything is
/// sent; compared with the same request carrying a valid body, which makes one round trip to the process.
/// </summary>
public static class BadInput
{
    private const int Clients = 16;

    public static async Task<IReadOnlyList<Figure>> RunAsync(RunSettings settings, TextWriter progress)
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await using var processes = new ConnectedProcesses(daemon);
        await processes.GrowToAsync(1, nfvs: 1);
        using var load = new LoadGenerator(daemon.ProcessId);

        var bogus = ApiCall.PerProcess(HttpMethod.Put, daemon.Api, "/v1/nfvs/{id}/forward", [1], """{"action":"bogus"}""", HttpStatusCode.BadRequest);
        var valid = PassThrough.Forward(daemon.Api, 1);
        await JitWarmUp.RunAsync(daemon, load, [bogus, valid], settings, progress);

        progress.WriteLine("  400 invalid key(action)");
        var rejected = LoadResult.Median(await settings.RepeatAsync(() => load.RunAsync(bogus, Clients, settings.Duration, settings.Warmup)));
        progress.WriteLine("  204 with a round trip");
        var forwarded = LoadResult.Median(await settings.RepeatAsync(() => load.RunAsync(valid, Clients, settings.Duration, settings.Warmup)));
        return
        [
            new(4, $"`PUT /v1/nfvs/1/forward` bad action → 400, {Clients} clients", rejected.RequestsPerSecond, "req/s", rejected.Detail),
            new(4, $"`PUT /v1/nfvs/1/forward` valid → 204, {Clients} clients", forwarded.RequestsPerSecond, "req/s", forwarded.Detail),
            new(4, "400 req/s ÷ 204 req/s (validation against a round trip)", rejected.RequestsPerSecond / forwarded.RequestsPerSecond, "×"),
            new(4, "daemon CPU per 204 ÷ per 400", forwarded.DaemonCpuPerRequest / rejected.DaemonCpuPerRequest, "×"),
        ];
    }
}
