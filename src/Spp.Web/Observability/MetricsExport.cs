using System.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using Spp.Actors;

namespace Spp.Web.Observability;

/// <summary>
/// <c>GET /metrics</c> through OpenTelemetry's Prometheus exporter: the controller's instruments, ASP.NET Core's
/// HTTP server metrics and the runtime's. The meter provider belongs to this host, and it keeps only meters made by
/// this host's <see cref="IMeterFactory"/> (and the process-wide runtime meter), so that several daemons in one
/// process count apart.
/// </summary>
public static class MetricsExport
{
    private const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// The runtime's instruments have a few series each (one per GC generation, CPU mode or exception type);
    /// OpenTelemetry reserves room for 2,000 per instrument up front, which for its twenty-odd instruments is 3 MB of
    /// memory never used.
    /// </summary>
    private const int RuntimeSeries = 128;

    private static readonly string[] Meters =
        [ControllerMetrics.MeterName, ProcessStartTime.MeterName, "Microsoft.AspNetCore.Hosting", RuntimeMeter];

    public static void AddMetricsExport(this IServiceCollection services)
    {
        services.AddSingleton<ProcessStartTime>();
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters);
            ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
            {
                var factory = provider.GetRequiredService<IMeterFactory>();
                builder.AddView(instrument => !OwnOrProcessWide(instrument, factory) ? MetricStreamConfiguration.Drop
                    : instrument.Meter.Name == RuntimeMeter ? new MetricStreamConfiguration { CardinalityLimit = RuntimeSeries }
                    : null);
            });
            metrics.AddPrometheusExporter(Configure);
        });
    }

    /// <summary>The scrape answer is computed afresh every time (no cache), so a count is exact right after a request.</summary>
    private static void Configure(PrometheusAspNetCoreOptions options)
    {
        options.ScrapeResponseCacheDurationMilliseconds = 0;
        options.ScopeInfoEnabled = false;
        options.TargetInfoEnabled = false;
    }

    private static bool OwnOrProcessWide(Instrument instrument, IMeterFactory factory) =>
        instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, factory);
}
