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

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        await daemons.EachAsync(d => d.Processes.GrowToAsync(1, nfvs: 1));
        await JitWarmUp.RunAsync(daemons, api => [Bogus(api), Valid(api)], settings, progress);

        progress.WriteLine("  400 invalid key(action)");
        var rejected = await daemons.LoadAsync(settings, Bogus, Clients);
        progress.WriteLine("  204 with a round trip");
        var forwarded = await daemons.LoadAsync(settings, Valid, Clients);
        return
        [
            Figure.Of(4, $"`PUT /v1/nfvs/1/forward` bad action → 400, {Clients} clients", "req/s", rejected.Select(r => r.Throughput)),
            Figure.Of(4, $"`PUT /v1/nfvs/1/forward` valid → 204, {Clients} clients", "req/s", forwarded.Select(r => r.Throughput)),
            Figure.Of(4, "400 req/s ÷ 204 req/s (validation against a round trip)", "×",
                rejected.Zip(forwarded, (bad, good) => new Reading(bad.RequestsPerSecond / good.RequestsPerSecond))),
            Figure.Of(4, "daemon CPU per 204 ÷ per 400", "×",
                rejected.Zip(forwarded, (bad, good) => new Reading(good.DaemonCpuPerRequest / bad.DaemonCpuPerRequest))),
        ];
    }

    private static ApiCall Bogus(Uri api) =>
        ApiCall.PerProcess(HttpMethod.Put, api, "/v1/nfvs/{id}/forward", [1], """{"action":"bogus"}""", HttpStatusCode.BadRequest);

    private static ApiCall Valid(Uri api) => PassThrough.Forward(api, 1);
}
