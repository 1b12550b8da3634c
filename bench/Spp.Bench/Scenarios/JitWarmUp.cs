using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;
using Spp.Bench.Daemon;
using Spp.Bench.Load;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Loads a fresh daemon until its JIT has gone quiet: fewer than a few methods compiled during a slice of load. A
/// new daemon spends its first seconds (about ten on two busy cores) compiling, quickly and then optimized in the
/// background; that would otherwise be measured as the cost of serving requests.
/// </summary>
public static class JitWarmUp
{
    private const int Clients = 16;
    private const int Quiet = 20;
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);

    /// <summary>Warms up every daemon in turn, each with its own <paramref name="calls"/> (given its API).</summary>
    public static Task RunAsync(DaemonsUnderTest daemons, Func<Uri, IReadOnlyList<ApiCall>> calls, RunSettings settings, TextWriter progress) =>
        daemons.EachAsync(d => RunAsync(d, calls(d.Api), settings, progress));

    private static async Task RunAsync(DaemonUnderTest daemon, IReadOnlyList<ApiCall> calls, RunSettings settings, TextWriter progress)
    {
        var limit = settings.JitWarmUpLimit;
        var clock = Stopwatch.StartNew();
        RuntimeCounters counters;
        try
        {
            counters = RuntimeCounters.Start(daemon.Daemon.ProcessId);
        }
        catch (ServerNotAvailableException e)
        {
            progress.WriteLine($"  {daemon.Role}: no diagnostics port ({e.Message}): warming up for {limit.TotalSeconds:0} s");
            foreach (var call in calls) await daemon.Load.RunAsync(call, Clients, limit / calls.Count, TimeSpan.Zero);
            return;
        }
        await using (counters)
        {
            var compiled = 0L;
            while (clock.Elapsed < limit)
            {
                foreach (var call in calls) await daemon.Load.RunAsync(call, Clients, Slice / calls.Count, TimeSpan.Zero);
                await counters.WaitForReportsAsync(2);
                var before = compiled;
                compiled = counters.MethodsJitted;
                if (compiled - before < Quiet) break;
            }
            progress.WriteLine($"  {daemon.Role}: warmed up in {clock.Elapsed.TotalSeconds:0.0} s: {compiled} methods compiled");
        }
    }
}
