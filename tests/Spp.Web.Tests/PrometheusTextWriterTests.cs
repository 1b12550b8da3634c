using Spp.Web.Observability;

namespace Spp.Web.Tests;

/// <summary>The Prometheus text exposition format, version 0.0.4, byte for byte.</summary>
public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void A_counter_is_help_type_and_one_line_per_label_set()
    {
        var text = PrometheusTextWriter.Write(
        [
            new MetricFamily("spp_commands_total", "Commands sent.", MetricType.Counter,
            [
                new MetricSample("", [new("command", "add"), new("type", "nfv")], 2),
                new MetricSample("", [new("command", "status"), new("type", "nfv")], 15),
            ]),
        ]);
        Assert.Equal(
            "# HELP spp_commands_total Commands sent.\n" +
            "# TYPE spp_commands_total counter\n" +
            "spp_commands_total{command=\"add\",type=\"nfv\"} 2\n" +
            "spp_commands_total{command=\"status\",type=\"nfv\"} 15\n", text);
    }

    [Fact]
    public void A_gauge_without_labels_has_no_braces()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("process_resident_memory_bytes", "RSS.", MetricType.Gauge, [new MetricSample("", [], 71843840)])]);
        Assert.Equal("# HELP process_resident_memory_bytes RSS.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 71843840\n", text);
    }

    [Fact]
    public void A_family_without_samples_still_has_help_and_type()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("spp_command_timeouts_total", "Timeouts.", MetricType.Counter, [])]);
        Assert.Equal("# HELP spp_command_timeouts_total Timeouts.\n# TYPE spp_command_timeouts_total counter\n", text);
    }

    [Fact]
    public void A_histogram_has_buckets_sum_and_count()
    {
        KeyValuePair<string, string>[] labels = [new("type", "vf")];
        var text = PrometheusTextWriter.Write(
        [
            new MetricFamily("spp_command_duration_seconds", "Latency.", MetricType.Histogram,
            [
                new MetricSample("_bucket", [.. labels, new("le", "0.5")], 1),
                new MetricSample("_bucket", [.. labels, new("le", "+Inf")], 2),
                new MetricSample("_sum", labels, 1.25),
                new MetricSample("_count", labels, 2),
            ]),
        ]);
        Assert.Equal(
            "# HELP spp_command_duration_seconds Latency.\n" +
            "# TYPE spp_command_duration_seconds histogram\n" +
            "spp_command_duration_seconds_bucket{type=\"vf\",le=\"0.5\"} 1\n" +
            "spp_command_duration_seconds_bucket{type=\"vf\",le=\"+Inf\"} 2\n" +
            "spp_command_duration_seconds_sum{type=\"vf\"} 1.25\n" +
            "spp_command_duration_seconds_count{type=\"vf\"} 2\n", text);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed_and_help_escapes_backslash_and_line_feed()
    {
        var text = PrometheusTextWriter.Write(
            [new MetricFamily("m", "a\\b\nc \"q\"", MetricType.Gauge, [new MetricSample("", [new("l", "x\\y\"z\nw")], 1)])]);
        Assert.Equal("# HELP m a\\\\b\\nc \"q\"\n# TYPE m gauge\nm{l=\"x\\\\y\\\"z\\nw\"} 1\n", text);
    }

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(3d, "3")]
    [InlineData(-2d, "-2")]
    [InlineData(0.0025, "0.0025")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Values_are_integers_without_a_point_or_the_shortest_exact_decimal(double value, string text) =>
        Assert.Equal(text, PrometheusTextWriter.FormatValue(value));

    [Theory]
    [InlineData("spp.commands", null, true, "spp_commands_total")]
    [InlineData("spp.command.duration", "s", false, "spp_command_duration_seconds")]
    [InlineData("spp.processes.connected", null, false, "spp_processes_connected")]
    [InlineData("spp.http.requests", null, true, "spp_http_requests_total")]
    public void Instrument_names_become_prometheus_names(string instrument, string? unit, bool counter, string name) =>
        Assert.Equal(name, MetricsCollector.PrometheusName(instrument, unit, counter));
}
