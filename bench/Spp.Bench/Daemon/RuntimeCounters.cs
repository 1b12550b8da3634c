using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Spp.Bench.Daemon;

/// <summary>
/// Two of another .NET process's runtime counters, read over its diagnostics port (what dotnet-counters shows):
/// the bytes it allocated (<c>alloc-rate</c>, reported every half second as the bytes since the last report, so a
/// total is exact once the process has been idle for a report or two) and how many methods it has compiled
/// (<c>methods-jitted-count</c>), which stops growing once its hot paths are fully optimized.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.5);

    private readonly EventPipeSession session;
    private readonly EventPipeEventSource source;
    private readonly Task processing;
    private long allocated;
    private long methodsJitted;
    private long reports;

    private RuntimeCounters(EventPipeSession session)
    {
        this.session = session;
        source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += OnEvent;
        processing = Task.Run(source.Process);
    }

    /// <summary>Bytes allocated from the start of the session to the last report.</summary>
    public long AllocatedBytes => Interlocked.Read(ref allocated);

    /// <summary>Methods compiled since the process started, as of the last report.</summary>
    public long MethodsJitted => Interlocked.Read(ref methodsJitted);

    /// <exception cref="ServerNotAvailableException">The process has no diagnostics port.</exception>
    public static RuntimeCounters Start(int processId)
    {
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture) });
        var session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false);
        return new RuntimeCounters(session);
    }

    /// <summary>Waits until the counters have reported at least <paramref name="count"/> more times.</summary>
    public async Task WaitForReportsAsync(int count)
    {
        var target = Interlocked.Read(ref reports) + count;
        while (Interlocked.Read(ref reports) < target) await Task.Delay(Interval / 5);
    }

    private void OnEvent(TraceEvent e)
    {
        if (e.EventName != "EventCounters") return;
        if (e.PayloadValue(0) is not IDictionary<string, object> wrapper || wrapper["Payload"] is not IDictionary<string, object> counter) return;
        switch (counter["Name"] as string)
        {
            case "alloc-rate":
                Interlocked.Add(ref allocated, (long)Number(counter["Increment"]));
                Interlocked.Increment(ref reports);
                break;
            case "methods-jitted-count":
                Interlocked.Exchange(ref methodsJitted, (long)Number(counter["Mean"]));
                break;
        }
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
            // The process is already gone.
        }
        await processing;
        source.Dispose();
        session.Dispose();
    }
}
