using System.Diagnostics;

namespace Spp.Web.Observability;

/// <summary>Figures of the whole process, read at each scrape.</summary>
public static class RuntimeMetrics
{
    public static IEnumerable<MetricFamily> Collect()
    {
        using var process = Process.GetCurrentProcess();
        yield return Single("dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap since the process started.",
            MetricType.Counter, GC.GetTotalAllocatedBytes());
        yield return Single("process_resident_memory_bytes", "Resident memory size of the process, in bytes.",
            MetricType.Gauge, process.WorkingSet64);
        yield return Single("process_cpu_seconds_total", "User and system CPU time of the process, in seconds.",
            MetricType.Counter, process.TotalProcessorTime.TotalSeconds);
        yield return Single("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.",
            MetricType.Gauge, new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000d);
    }

    private static MetricFamily Single(string name, string help, MetricType type, double value) =>
        new(name, help, type, [new MetricSample("", [], value)]);
}
