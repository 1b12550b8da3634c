using Spp.Bench.Report;

namespace Spp.Bench.Tests;

/// <summary>This build against the baseline: the ratio is this ÷ baseline; "better" and "worse" follow the unit.</summary>
public class ComparisonTests
{
    [Fact]
    public void Ninety_percent_of_the_baseline_throughput_is_worse_by_10_percent()
    {
        var figure = Compared("req/s", 9_000, 10_000);
        Assert.Equal("0.90×", Comparison.RatioText(figure));
        Assert.Equal("worse by 10 %", Comparison.Change(figure));
    }

    [Fact]
    public void More_throughput_is_better() => Assert.Equal("better by 5.0 %", Comparison.Change(Compared("req/s", 10_500, 10_000)));

    [Fact]
    public void A_tenth_more_latency_is_worse_by_10_percent()
    {
        var figure = Compared("µs", 110, 100);
        Assert.Equal("1.10×", Comparison.RatioText(figure));
        Assert.Equal("worse by 10 %", Comparison.Change(figure));
    }

    [Theory]
    [InlineData("µs")]
    [InlineData("ms")]
    [InlineData("MB")]
    [InlineData("B")]
    public void Less_time_or_memory_is_better(string unit) => Assert.Equal("better by 20 %", Comparison.Change(Compared(unit, 80, 100)));

    [Fact]
    public void Under_half_a_percent_apart_is_the_same() => Assert.Equal("same", Comparison.Change(Compared("req/s", 10_040, 10_000)));

    [Fact]
    public void A_ratio_of_two_figures_has_a_ratio_but_no_better_side()
    {
        var figure = Compared("×", 2.4, 2.7);
        Assert.Equal("0.89×", Comparison.RatioText(figure));
        Assert.Equal("", Comparison.Change(figure));
    }

    [Fact]
    public void A_figure_the_baseline_could_not_measure_has_no_verdict()
    {
        var figure = Compared("B", 10_000, double.NaN);
        Assert.Equal("–", Comparison.RatioText(figure));
        Assert.Equal("–", Comparison.Change(figure));
    }

    [Fact]
    public void Without_a_baseline_there_is_nothing_to_compare()
    {
        var figure = Figure.WithoutDaemon(1, "straight to the nfv", "req/s", new Reading(20_000));
        Assert.Equal("", Comparison.RatioText(figure));
        Assert.Equal("", Comparison.Change(figure));
    }

    private static Figure Compared(string unit, double current, double baseline) =>
        Figure.Of(1, "m", unit, [new Reading(current), new Reading(baseline)]);
}
