using Spp.Bench.Report;

namespace Spp.Bench.Tests;

public sealed class PerformanceDocTests : IDisposable
{
    private const string Page = """
        # Performance
        <!-- bench:begin (written by the bench with --write-docs) -->
        latest
        <!-- bench:end -->
        ## Against the baseline
        <!-- bench-ab:begin (written by the bench with --write-docs) -->
        (not measured yet)
        <!-- bench-ab:end -->
        prose
        """;

    private readonly string path = Path.GetTempFileName();

    [Fact]
    public void A_comparison_goes_into_its_own_section_and_leaves_the_latest_run_alone()
    {
        File.WriteAllText(path, Page);
        PerformanceDoc.Update(path, PerformanceDoc.AgainstBaseline, "| ab |\n");
        Assert.Equal(Page.Replace("(not measured yet)\n", "| ab |\n"), File.ReadAllText(path));
    }

    [Fact]
    public void A_page_without_the_section_is_left_as_it_is()
    {
        File.WriteAllText(path, "# Performance\n");
        var e = Assert.Throws<InvalidOperationException>(() => PerformanceDoc.Update(path, PerformanceDoc.AgainstBaseline, "t"));
        Assert.Contains("<!-- bench-ab:begin", e.Message);
        Assert.Equal("# Performance\n", File.ReadAllText(path));
    }

    public void Dispose() => File.Delete(path);
}
