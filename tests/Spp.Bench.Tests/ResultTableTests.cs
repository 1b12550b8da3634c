using Spp.Bench.Report;

namespace Spp.Bench.Tests;

public class ResultTableTests
{
    private static readonly Machine Machine = new(2, "cpu", 24, ".NET 10", "Linux");

    [Fact]
    public void A_comparison_prints_both_values_the_ratio_and_the_change_side_by_side()
    {
        Figure[] figures =
        [
            Figure.Of(3, "`GET /v1/nfvs/{id}`, 1 processes, 16 clients", "req/s", [new Reading(7_200, "p50 2 ms"), new Reading(8_000, "p50 1.9 ms")]),
            Figure.Of(5, "RSS with 256 processes connected", "MB", [new Reading(80.4), new Reading(79.9)], Target.Maximum(120)),
        ];
        var table = ResultTable.Markdown(figures, Machine, "cmd", "runs", ["this", "old"]);
        Assert.Contains("This build: this. Baseline: old.", table);
        Assert.Contains("| # | Measure | This build | Baseline | Ratio | Change | Target | vs target | Detail (this build; baseline) |", table);
        Assert.Contains("| 3 | `GET /v1/nfvs/{id}`, 1 processes, 16 clients | 7,200 req/s | 8,000 req/s | 0.90× | worse by 10 % |  |  | p50 2 ms<br>baseline: p50 1.9 ms |", table);
        Assert.Contains("| 5 | RSS with 256 processes connected | 80.4 MB | 79.9 MB | 1.01× | worse by 0.6 % | ≤ 120.0 MB | 1.49× met |  |", table);
    }

    [Fact]
    public void A_run_of_this_build_alone_prints_one_value_per_line()
    {
        Figure[] figures = [Figure.Of(5, "RSS idle, nothing connected", "MB", [new Reading(66.6)])];
        var table = ResultTable.Markdown(figures, Machine, "cmd", "runs", ["this"]);
        Assert.Contains("| # | Measure | Value | Detail | Target | vs target |", table);
        Assert.Contains("| 5 | RSS idle, nothing connected | 66.6 MB |  |  |  |", table);
        Assert.DoesNotContain("Baseline", table);
    }
}
