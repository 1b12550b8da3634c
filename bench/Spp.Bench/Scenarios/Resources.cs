using Microsoft.Diagnostics.NETCore.Client;
using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Bench.Report;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Scenario 5: the daemon's start-up time, its resident memory idle, with 256 processes and after the heaviest
/// pass-through load of scenario 3, and the bytes it allocates per pass-through request.
/// </summary>
public static class Resources
{
    private const int ManyProcesses = 256;
    private const double AllocationTarget = 2048;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<DaemonBuild> builds, RunSettings settings, TextWriter progress)
    {
        progress.WriteLine("  start-up");
        var startups = builds.Select(_ => new List<double>()).ToArray();
        for (var i = 1; i < settings.Runs; i++)
        {
            for (var b = 0; b < builds.Count; b++)
            {
                await using var once = await DaemonProcess.StartAsync(builds[b]);
                startups[b].Add(once.StartupTime.TotalMilliseconds);
            }
        }
        await using var daemons = await DaemonsUnderTest.StartAsync(builds);
        for (var b = 0; b < builds.Count; b++) startups[b].Add(daemons[b].Daemon.StartupTime.TotalMilliseconds);
        await Task.Delay(Settle);
        var idle = Memory(daemons);

        progress.WriteLine($"  {ManyProcesses} processes");
        await daemons.EachAsync(d => d.Processes.GrowToAsync(ManyProcesses, nfvs: PassThrough.MaxProcesses));
        await Task.Delay(Settle);
        var connected = Memory(daemons);

        progress.WriteLine("  allocations per pass-through request");
        await JitWarmUp.RunAsync(daemons, api => [PassThrough.Status(api, PassThrough.MaxProcesses), PassThrough.Forward(api, PassThrough.MaxProcesses)],
            settings, progress);
        var status = await daemons.EachAsync(d => AllocationsPerRequestAsync(d, PassThrough.Status(d.Api, PassThrough.MaxProcesses), settings));
        var forward = await daemons.EachAsync(d => AllocationsPerRequestAsync(d, PassThrough.Forward(d.Api, PassThrough.MaxProcesses), settings));
        var loaded = Memory(daemons);

        var heaviest = $"{PassThrough.MaxProcesses} processes, {PassThrough.MaxClients} clients";
        return
        [
            Figure.Of(5, "start-up: process start to the API answering", "ms", startups.Select(s => new Reading(Statistics.Median(s), $"median of {s.Count}"))),
            Figure.Of(5, "RSS idle, nothing connected", "MB", idle),
            Figure.Of(5, $"RSS with {ManyProcesses} processes connected", "MB", connected, Target.Maximum(120)),
            Figure.Of(5, $"RSS after pass-through load ({heaviest})", "MB", loaded.Select(r => r with { Detail = $"{ManyProcesses} connected" })),
            Figure.Of(5, "allocated per `GET /v1/nfvs/{id}`", "B", status, Target.Maximum(AllocationTarget)),
            Figure.Of(5, "allocated per `PUT /v1/nfvs/{id}/forward`", "B", forward, Target.Maximum(AllocationTarget)),
        ];
    }

    private static List<Reading> Memory(DaemonsUnderTest daemons) => daemons.Select(d => new Reading(d.Daemon.ResidentMegabytes())).ToList();

    /// <summary>
    /// The daemon's allocations during a measured load divided by its requests; idle before and after, so that
    /// the counter's reports cover the whole load.
    /// </summary>
    private static async Task<Reading> AllocationsPerRequestAsync(DaemonUnderTest daemon, ApiCall call, RunSettings settings)
    {
        await daemon.Load.RunAsync(call, PassThrough.MaxClients, settings.Warmup, TimeSpan.Zero);
        RuntimeCounters counter;
        try
        {
            counter = RuntimeCounters.Start(daemon.Daemon.ProcessId);
        }
        catch (ServerNotAvailableException e)
        {
            return new(double.NaN, $"diagnostics port unavailable: {e.Message}");
        }
        await using (counter)
        {
            await counter.WaitForReportsAsync(2);
            var before = counter.AllocatedBytes;
            var result = await daemon.Load.RunAsync(call, PassThrough.MaxClients, settings.Duration, TimeSpan.Zero);
            await counter.WaitForReportsAsync(2);
            var bytes = (counter.AllocatedBytes - before) / (double)result.Requests;
            return new(bytes, $"{PassThrough.MaxProcesses} processes, {PassThrough.MaxClients} clients, {result.Requests:#,0} requests");
        }
    }
}
