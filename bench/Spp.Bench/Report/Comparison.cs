using System.Globalization;

namespace Spp.Bench.Report;

/// <summary>How this build's figure compares with the baseline's, in words an acceptance criterion uses.</summary>
public static class Comparison
{
    /// <summary>Differences under half a percent are noise at any run length the bench uses.</summary>
    private const double Same = 0.005;

    /// <summary>
    /// "better by 4 %", "worse by 12 %" or "same"; empty without a baseline or for a figure with no better side,
    /// "–" when either side is missing.
    /// </summary>
    public static string Change(Figure figure)
    {
        if (figure.Baseline is null || figure.HigherIsBetter is not { } higherIsBetter) return "";
        var ratio = figure.Ratio;
        if (double.IsNaN(ratio) || double.IsInfinity(ratio)) return "–";
        // Relative to the baseline: 0.90 of its throughput and 1.10 of its latency are both "worse by 10 %".
        var gain = higherIsBetter ? ratio - 1 : 1 - ratio;
        if (Math.Abs(gain) < Same) return "same";
        var percent = Math.Abs(gain * 100);
        var text = percent.ToString(percent < 9.95 ? "0.0" : "0", CultureInfo.InvariantCulture);
        return $"{(gain > 0 ? "better" : "worse")} by {text} %";
    }

    public static string RatioText(Figure figure) =>
        figure.Baseline is null ? "" : double.IsNaN(figure.Ratio) ? "–" : Figure.Format(figure.Ratio, "×");
}
