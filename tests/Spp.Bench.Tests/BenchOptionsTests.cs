using Spp.Bench;

namespace Spp.Bench.Tests;

public class BenchOptionsTests
{
    [Fact]
    public void Baseline_takes_the_path_of_another_build()
    {
        var options = BenchOptions.Parse(["--quick", "--baseline", "/tmp/old/bin/Release/net10.0"])!;
        Assert.Equal("/tmp/old/bin/Release/net10.0", options.Baseline);
        Assert.True(options.Quick);
        Assert.True(options.HasBaseline);
    }

    [Fact]
    public void Baseline_commit_takes_a_revision()
    {
        var options = BenchOptions.Parse(["--baseline-commit", "3cd9ac2", "--write-docs"])!;
        Assert.Equal("3cd9ac2", options.BaselineCommit);
        Assert.True(options.WriteDocs);
    }

    [Fact]
    public void Without_a_baseline_only_this_build_is_measured() => Assert.False(BenchOptions.Parse([])!.HasBaseline);

    [Theory]
    [InlineData("--baseline", "a", "--baseline-commit", "b")]
    [InlineData("--baseline", "a", "--baseline", "b")]
    [InlineData("--baseline-commit", "a", "--baseline-commit", "b")]
    public void There_is_one_baseline_at_most(params string[] args)
    {
        var e = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(args));
        Assert.Equal("one baseline only: --baseline or --baseline-commit, once", e.Message);
    }

    [Theory]
    [InlineData("--baseline")]
    [InlineData("--baseline", "--quick")]
    [InlineData("--baseline-commit")]
    [InlineData("--baseline-commit", "")]
    public void A_baseline_needs_a_value(params string[] args)
    {
        var e = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(args));
        Assert.Equal($"{args[0]} needs a value", e.Message);
    }

    [Fact]
    public void Micro_benchmarks_take_no_baseline()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--baseline", "x", "--micro"]));
        Assert.Equal("--micro measures no daemon: it takes no baseline", e.Message);
    }

    [Fact]
    public void Scenario_6_is_the_simultaneous_connects() => Assert.Equal(6, BenchOptions.Parse(["--scenario", "6"])!.Scenario);

    [Fact]
    public void Scenario_8_is_a_command_through_another_host() => Assert.Equal(8, BenchOptions.Parse(["--scenario", "8"])!.Scenario);

    [Fact]
    public void Scenario_7_is_the_share_of_the_direct_limit() => Assert.Equal(7, BenchOptions.Parse(["--scenario", "7"])!.Scenario);

    [Fact]
    public void There_is_no_scenario_9()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--scenario", "9"]));
        Assert.Equal("bad argument: --scenario", e.Message);
    }
}
