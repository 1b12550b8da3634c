namespace Spp.Bench.Load;

/// <summary>What one load run measured; latencies in microseconds.</summary>
public sealed record LoadResult(long Requests, long Failures, double RequestsPerSecond, double P50, double P99, CpuUse? Cpu)
{
    /// <summary>Each figure is the median of that figure over the runs; failures are added up.</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> runs) => new(
        (long)Statistics.Median(runs.Select(r => (double)r.Requests)),
        runs.Sum(r => r.Failures),
        Statistics.Median(runs.Select(r => r.RequestsPerSecond)),
        Statistics.Median(runs.Select(r => r.P50)),
        Statistics.Median(runs.Select(r => r.P99)),
        runs.All(r => r.Cpu is not null)
            ? new CpuUse(
                Statistics.Median(runs.Select(r => r.Cpu!.Value.Daemon)),
                Statistics.Median(runs.Select(r => r.Cpu!.Value.Bench)),
                Statistics.Median(runs.Select(r => r.Cpu!.Value.Machine)))
            : null);

    /// <summary>The daemon's CPU time per request, in microseconds, when its CPU was sampled.</summary>
    public double DaemonCpuPerRequest => Cpu is { } cpu ? cpu.Daemon / RequestsPerSecond * 1e6 : double.NaN;

    /// <summary>Requests per second, with the detail.</summary>
    public Report.Reading Throughput => new(RequestsPerSecond, Detail);

    /// <summary>p50 and p99, where the CPU went, and how many answers had another status than expected, if any did.</summary>
    public string Detail => $"p50 {Report.Figure.Format(P50, "µs")}, p99 {Report.Figure.Format(P99, "µs")}"
        + (Cpu is { } cpu ? $"; daemon CPU {Report.Figure.Format(DaemonCpuPerRequest, "µs")}/request; {cpu.Text}" : "")
        + (Failures == 0 ? "" : $"; {Failures} unexpected answers");
}
