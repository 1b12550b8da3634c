using System.Net;
using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 3: requests that become one command each, <c>GET /v1/nfvs/{id}</c> (<c>status</c>) and
/// <c>PUT /v1/nfvs/{id}/forward</c> (<c>forward</c>), spread over 1, 4 and 16 spp_nfv under 1, 16 and 64
/// concurrent clients. Commands to one process are serialized, so throughput should grow with the number of
/// processes until the CPU is saturated.
/// </summary>
public static class PassThrough
{
    public const int MaxProcesses = 16;
    public const int MaxClients = 64;
    private const double ScalingTarget = 8;
    private static readonly int[] ProcessCounts = [1, 4, MaxProcesses];
    private static readonly int[] ClientCounts = [1, 16, MaxClients];

    public static ApiCall Status(Uri api, int processes) =>
        ApiCall.PerProcess(HttpMethod.Get, api, "/v1/nfvs/{id}", Enumerable.Range(1, processes), null, HttpStatusCode.OK);

    public static ApiCall Forward(Uri api, int processes) =>
        ApiCall.PerProcess(HttpMethod.Put, api, "/v1/nfvs/{id}/forward", Enumerable.Range(1, processes), """{"action":"start"}""", HttpStatusCode.NoContent);

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        await daemons.EachAsync(d => d.Processes.GrowToAsync(MaxProcesses, nfvs: MaxProcesses));
        await JitWarmUp.RunAsync(daemons, api => [Status(api, MaxProcesses), Forward(api, MaxProcesses)], settings, progress);

        var figures = new List<Figure>();
        foreach (var (name, callFor) in new (string, Func<Uri, int, ApiCall>)[] { ("GET /v1/nfvs/{id}", Status), ("PUT /v1/nfvs/{id}/forward", Forward) })
        {
            var rates = new Dictionary<(int Processes, int Clients), IReadOnlyList<LoadResult>>();
            foreach (var count in ProcessCounts)
            {
                foreach (var clients in ClientCounts)
                {
                    progress.WriteLine($"  {name}: {count} processes, {clients} clients");
                    var results = await daemons.LoadAsync(settings, api => callFor(api, count), clients);
                    rates[(count, clients)] = results;
                    figures.Add(Figure.Of(3, $"`{name}`, {count} processes, {clients} clients", "req/s", results.Select(r => r.Throughput)));
                }
            }
            foreach (var clients in ClientCounts[1..])
                figures.Add(Figure.Of(3, $"scaling `{name}`: req/s with {MaxProcesses} ÷ with 1 process, {clients} clients", "×",
                    rates[(MaxProcesses, clients)].Zip(rates[(1, clients)], (many, one) => new Reading(many.RequestsPerSecond / one.RequestsPerSecond)),
                    clients == MaxClients ? Target.Minimum(ScalingTarget) : null));
        }
        return figures;
    }
}
