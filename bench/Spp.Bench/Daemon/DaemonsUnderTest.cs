using System.Collections;
using Spp.Bench.Load;

namespace Spp.Bench.Daemon;

/// <summary>
/// The daemons a scenario measures, one per build, this build's first; all run for the whole scenario, so that a
/// repetition can measure one and then the other under the same conditions.
/// </summary>
public sealed class DaemonsUnderTest : IReadOnlyList<DaemonUnderTest>, IAsyncDisposable
{
    private readonly List<DaemonUnderTest> daemons = [];

    public static async Task<DaemonsUnderTest> StartAsync(IReadOnlyList<DaemonBuild> builds)
    {
        var started = new DaemonsUnderTest();
        try
        {
            for (var i = 0; i < builds.Count; i++) started.daemons.Add(await DaemonUnderTest.StartAsync(Role(i), builds[i]));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>"this build" for the first build, "baseline" for the second.</summary>
    public static string Role(int build) => build == 0 ? "this build" : "baseline";

    /// <summary>Runs <paramref name="action"/> on each daemon, one after the other.</summary>
    public async Task EachAsync(Func<DaemonUnderTest, Task> action)
    {
        foreach (var daemon in daemons) await action(daemon);
    }

    /// <summary>Runs <paramref name="measure"/> on each daemon, one after the other; the results in the daemons' order.</summary>
    public async Task<IReadOnlyList<T>> EachAsync<T>(Func<DaemonUnderTest, Task<T>> measure)
    {
        var results = new List<T>();
        foreach (var daemon in daemons) results.Add(await measure(daemon));
        return results;
    }

    /// <summary>Loads each daemon with <paramref name="call"/> from <paramref name="clients"/> clients, interleaved; each daemon's median.</summary>
    public async Task<IReadOnlyList<LoadResult>> LoadAsync(RunSettings settings, Func<Uri, ApiCall> call, int clients)
    {
        var calls = daemons.ToDictionary(d => d, d => call(d.Api));
        var runs = await settings.InterleaveAsync(daemons, d => d.Load.RunAsync(calls[d], clients, settings.Duration, settings.Warmup));
        return runs.Select(LoadResult.Median).ToList();
    }

    public DaemonUnderTest this[int index] => daemons[index];
    public int Count => daemons.Count;
    public IEnumerator<DaemonUnderTest> GetEnumerator() => daemons.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public async ValueTask DisposeAsync()
    {
        foreach (var daemon in daemons) await daemon.DisposeAsync();
        daemons.Clear();
    }
}
