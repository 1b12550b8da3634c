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
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<Figure>> RunAsync(RunSettings settings, TextWriter progress)
    {
        progress.WriteLine("  start-up");
        var startups = new List<double>();
        for (var i = 1; i < settings.Runs; i++)
        {
            await using var once = await DaemonProcess.StartAsync();
            startups.Add(once.StartupTime.TotalMilliseconds);
        }
        await using var daemon = await DaemonProcess.StartAsync();
        startups.Add(daemon.StartupTime.TotalMilliseconds);
        await Task.Delay(Settle);
        var idle = daemon.ResidentMegabytes();

        progress.WriteLine($"  {ManyProcesses} processes");
        await using var processes = new ConnectedProcesses(daemon);
        await processes.GrowToAsync(ManyProcesses, nfvs: PassThrough.MaxProcesses);
        await Task.Delay(Settle);
        var connected = daemon.ResidentMegabytes();

        progress.WriteLine("  allocations per pass-through request");
        using var load = new LoadGenerator(daemon.ProcessId);
        var statusCall = PassThrough.Status(daemon.Api, PassThrough.MaxProcesses);
        var forwardCall = PassThrough.Forward(daemon.Api, PassThrough.MaxProcesses);
        await JitWarmUp.RunAsync(daemon, load, [statusCall, forwardCall], settings, progress);
        var status = await AllocationsPerRequestAsync(daemon, load, statusCall, settings);
        var forward = await AllocationsPerRequestAsync(daemon, load, forwardCall, settings);
        var loaded = daemon.ResidentMegabytes();

        var heaviest = $"{PassThrough.MaxProcesses} processes, {PassThrough.MaxClients} clients";
        return
        [
            new(5, "start-up: process start to the API answering", Statistics.Median(startups), "ms", $"median of {startups.Count}"),
            new(5, "RSS idle, nothing connected", idle, "MB"),
            new(5, $"RSS with {ManyProcesses} processes connected", connected, "MB", "", Target.Maximum(120)),
            new(5, $"RSS after pass-through load ({heaviest})", loaded, "MB", $"{ManyProcesses} connected"),
            new(5, "allocated per `GET /v1/nfvs/{id}`", status.Bytes, "B", status.Detail),
            new(5, "allocated per `PUT /v1/nfvs/{id}/forward`", forward.Bytes, "B", forward.Detail),
        ];
    }

    /// <summary>
    /// The daemon's allocations during a measured load divided by its requests; idle before and after, so that
    /// the counter's reports cover the whole load.
    /// </summary>
    private static async Task<(double Bytes, string Detail)> AllocationsPerRequestAsync(DaemonProcess daemon, LoadGenerator load, ApiCall call, RunSettings settings)
    {
        await load.RunAsync(call, PassThrough.MaxClients, settings.Warmup, TimeSpan.Zero);
        RuntimeCounters counter;
        try
        {
            counter = RuntimeCounters.Start(daemon.ProcessId);
        }
        catch (ServerNotAvailableException e)
        {
            return (double.NaN, $"diagnostics port unavailable: {e.Message}");
        }
        await using (counter)
        {
            await counter.WaitForReportsAsync(2);
            var before = counter.AllocatedBytes;
            var result = await load.RunAsync(call, PassThrough.MaxClients, settings.Duration, TimeSpan.Zero);
            await counter.WaitForReportsAsync(2);
            var bytes = (counter.AllocatedBytes - before) / (double)result.Requests;
            return (bytes, $"{PassThrough.MaxProcesses} processes, {PassThrough.MaxClients} clients, {result.Requests:#,0} requests");
        }
    }
}
