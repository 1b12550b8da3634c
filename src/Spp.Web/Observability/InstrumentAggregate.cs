using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Spp.Web.Observability;

/// <summary>What one instrument has recorded, per distinct set of tags.</summary>
internal sealed class InstrumentAggregate
{
    private static readonly IReadOnlyList<double> DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Instrument instrument;
    private readonly MetricType type;
    private readonly bool lastValueWins;
    private readonly IReadOnlyList<double> bounds;
    private readonly ConcurrentDictionary<string, Series> series = new();

    public InstrumentAggregate(Instrument instrument)
    {
        this.instrument = instrument;
        var definition = instrument.GetType().GetGenericTypeDefinition();
        IsObservable = instrument.IsObservable;
        (type, lastValueWins) = definition switch
        {
            _ when definition == typeof(Counter<>) => (MetricType.Counter, false),
            _ when definition == typeof(ObservableCounter<>) => (MetricType.Counter, true),
            _ when definition == typeof(Histogram<>) => (MetricType.Histogram, false),
            _ when definition == typeof(ObservableGauge<>) || definition == typeof(ObservableUpDownCounter<>) => (MetricType.Gauge, true),
            _ => (MetricType.Gauge, false),
        };
        bounds = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries
            ?? (instrument as Histogram<long>)?.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList()
            ?? DefaultBuckets;
        Name = MetricsCollector.PrometheusName(instrument.Name, instrument.Unit, type == MetricType.Counter);
    }

    public string Name { get; }

    public bool IsObservable { get; }

    public void Clear() => series.Clear();

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
            labels[i] = new(PrometheusTextWriter.SanitizeName(tags[i].Key), tags[i].Value?.ToString() ?? "");
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(l => $"{l.Key}\u0002{l.Value}"));
        var entry = series.GetOrAdd(key, _ => new Series(labels, type == MetricType.Histogram ? bounds.Count + 1 : 0));
        lock (entry)
        {
            if (type == MetricType.Histogram)
            {
                var bucket = 0;
                while (bucket < bounds.Count && value > bounds[bucket]) bucket++;
                entry.Buckets[bucket]++;
                entry.Count++;
                entry.Value += value;
            }
            else if (lastValueWins)
            {
                entry.Value = value;
            }
            else
            {
                entry.Value += value;
            }
        }
    }

    public MetricFamily ToFamily()
    {
        var samples = new List<MetricSample>();
        foreach (var entry in series.Values.OrderBy(s => s.SortKey, StringComparer.Ordinal))
        {
            lock (entry)
            {
                if (type != MetricType.Histogram)
                {
                    samples.Add(new MetricSample("", entry.Labels, entry.Value));
                    continue;
                }
                long cumulative = 0;
                for (var i = 0; i <= bounds.Count; i++)
                {
                    cumulative += entry.Buckets[i];
                    var le = i < bounds.Count ? PrometheusTextWriter.FormatValue(bounds[i]) : "+Inf";
                    samples.Add(new MetricSample("_bucket", [.. entry.Labels, new("le", le)], cumulative));
                }
                samples.Add(new MetricSample("_sum", entry.Labels, entry.Value));
                samples.Add(new MetricSample("_count", entry.Labels, entry.Count));
            }
        }
        return new MetricFamily(Name, instrument.Description ?? instrument.Name, type, samples);
    }

    private sealed class Series(KeyValuePair<string, string>[] labels, int buckets)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;
        public string SortKey { get; } = string.Join(',', labels.Select(l => $"{l.Key}={l.Value}"));
        public long[] Buckets { get; } = new long[buckets];
        public long Count { get; set; }
        public double Value { get; set; }
    }
}
