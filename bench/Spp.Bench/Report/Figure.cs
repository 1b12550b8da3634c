using System.Globalization;

namespace Spp.Bench.Report;

/// <summary>
/// One line of the result table: what this build measured, what the baseline build measured when the bench
/// compares two builds (null otherwise, and for figures that involve no daemon), and the target if there is one.
/// </summary>
public sealed record Figure(int Scenario, string Measure, string Unit, Reading Current, Reading? Baseline = null, Target? Target = null)
{
    /// <summary>A figure from one reading per build, this build's first; a second reading is the baseline's.</summary>
    public static Figure Of(int scenario, string measure, string unit, IEnumerable<Reading> perBuild, Target? target = null)
    {
        var readings = perBuild.ToList();
        return new(scenario, measure, unit, readings[0], readings.Count > 1 ? readings[1] : null, target);
    }

    /// <summary>A figure measured without the daemon, the same whichever build is compared.</summary>
    public static Figure WithoutDaemon(int scenario, string measure, string unit, Reading reading) =>
        new(scenario, measure, unit, reading);

    public double Value => Current.Value;

    /// <summary>
    /// Requests per second are better higher; times, memory and bytes lower. Ratios of two figures (flatness,
    /// scaling, 400 against 204) have no better side: a slower 204 raises "400 ÷ 204" as much as a faster 400.
    /// </summary>
    public bool? HigherIsBetter => Unit switch
    {
        "req/s" => true,
        "×" => null,
        _ => false,
    };

    /// <summary>This build's value divided by the baseline's; NaN without a baseline.</summary>
    public double Ratio => Baseline is { } b ? Current.Value / b.Value : double.NaN;

    public static string Format(double value, string unit)
    {
        if (double.IsNaN(value)) return "n/a";
        var number = unit switch
        {
            "MB" => value.ToString("0.0", CultureInfo.InvariantCulture),
            "×" => value.ToString("0.00", CultureInfo.InvariantCulture),
            _ => value.ToString(value < 10 ? "#,0.0" : "#,0", CultureInfo.InvariantCulture),
        };
        return unit == "×" ? number + unit : $"{number} {unit}";
    }
}
