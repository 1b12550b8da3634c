using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Spp.Web.Observability;

/// <summary>
/// <c>process_start_time_seconds</c>, the one process figure Prometheus dashboards expect that the runtime's own
/// meter does not report: when the process started, in seconds since the Unix epoch.
/// </summary>
public sealed class ProcessStartTime
{
    public const string MeterName = "Spp.Process";

    public ProcessStartTime(IMeterFactory factory)
    {
        using var process = Process.GetCurrentProcess();
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000d;
        factory.Create(MeterName).CreateObservableGauge("process.start_time", () => started, unit: "s",
            description: "Start time of the process since the Unix epoch, in seconds.");
    }
}
