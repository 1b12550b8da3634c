using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Spp.Bench.Daemon;

/// <summary>
/// The bytes another .NET process has allocated, from the runtime's <c>alloc-rate</c> event counter read over
/// the diagnostics port (what dotnet-counters shows). The counter reports every half second how much was
/// allocated since its last report, so a total is exact once the process has been idle for a report or two.
/// </summary>
public sealed class AllocationCounter : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.5);

    private readonly EventPipeSession session;
    private readonly EventPipeEventSource source;
    private readonly Task processing;
    private long allocated;
    private long reports;

    private AllocationCounter(EventPipeSession session)
    {
        this.session = session;
        source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += OnEvent;
        processing = Task.Run(source.Process);
    }

    /// <summary>Bytes allocated from the start of the session to the last report.</summary>
    public long AllocatedBytes => Interlocked.Read(ref allocated);

    public static AllocationCounter Start(int processId)
    {
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = Interval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false);
        return new AllocationCounter(session);
    }

    /// <summary>Waits until the counter has reported at least <paramref name="count"/> more times.</summary>
    public async Task WaitForReportsAsync(int count)
    {
        var target = Interlocked.Read(ref reports) + count;
        while (Interlocked.Read(ref reports) < target) await Task.Delay(Interval / 5);
    }

    private void OnEvent(TraceEvent e)
    {
        if (e.EventName != "EventCounters") return;
        if (e.PayloadValue(0) is not IDictionary<string, object> wrapper || wrapper["Payload"] is not IDictionary<string, object> counter) return;
        if (counter["Name"] as string != "alloc-rate") return;
        Interlocked.Add(ref allocated, (long)Convert.ToDouble(counter["Increment"], System.Globalization.CultureInfo.InvariantCulture));
        Interlocked.Increment(ref reports);
    }

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
