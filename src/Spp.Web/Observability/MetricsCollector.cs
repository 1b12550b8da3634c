using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Spp.Actors;

namespace Spp.Web.Observability;

/// <summary>
/// Listens to the instruments of this daemon's <c>Spp.Controller</c> meter (the one made by this host's
/// <see cref="IMeterFactory"/>, so that several daemons in one process keep apart) and aggregates them for
/// <c>GET /metrics</c>: counters are summed, histograms bucketed, observable gauges read at each scrape.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> aggregates = new();
    private readonly Lock scrape = new();

    public MetricsCollector(IMeterFactory factory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (!ReferenceEquals(instrument.Meter.Scope, factory) || instrument.Meter.Name != ControllerMetrics.MeterName) return;
            var aggregate = aggregates.GetOrAdd(instrument, i => new InstrumentAggregate(i));
            l.EnableMeasurementEvents(instrument, aggregate);
        };
        listener.MeasurementsCompleted = (instrument, state) => aggregates.TryRemove(instrument, out var _);
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        listener.Start();
    }

    /// <summary>Every family, sorted by name: this daemon's instruments, then the process's runtime figures.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (scrape)
        {
            foreach (var aggregate in aggregates.Values.Where(a => a.IsObservable)) aggregate.Clear();
            listener.RecordObservableInstruments();
            return [.. aggregates.Values.Select(a => a.ToFamily()).Concat(RuntimeMetrics.Collect()).OrderBy(f => f.Name, StringComparer.Ordinal)];
        }
    }

    public string CollectText() => PrometheusTextWriter.Write(Collect());

    public void Dispose() => listener.Dispose();

    /// <summary>The Prometheus name of an instrument: dots as underscores, <c>_seconds</c> for unit s, <c>_total</c> for counters.</summary>
    public static string PrometheusName(string instrumentName, string? unit, bool isCounter)
    {
        var name = PrometheusTextWriter.SanitizeName(instrumentName);
        if (unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal)) name += "_seconds";
        if (isCounter && !name.EndsWith("_total", StringComparison.Ordinal)) name += "_total";
        return name;
    }
}
