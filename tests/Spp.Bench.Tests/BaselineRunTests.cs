using Spp.Bench.Daemon;
using Spp.Bench.Scenarios;

namespace Spp.Bench.Tests;

/// <summary>A scenario given two builds runs a real daemon of each and reports both readings.</summary>
public class BaselineRunTests
{
    [Fact]
    public async Task Each_figure_of_a_comparison_has_a_reading_of_this_build_and_one_of_the_baseline()
    {
        var current = await DaemonBuild.CurrentAsync();
        var baseline = DaemonBuild.At(Path.GetDirectoryName(current.DllPath)!);
        var figures = await SimultaneousConnects.RunAsync([current, baseline], RunSettings.Quick, TextWriter.Null);

        Assert.Equal(2, figures.Count);
        Assert.All(figures, figure =>
        {
            Assert.Equal("ms", figure.Unit);
            Assert.InRange(figure.Current.Value, 0.1, 5000);
            Assert.NotNull(figure.Baseline);
            Assert.InRange(figure.Baseline.Value, 0.1, 5000);
        });
    }
}
