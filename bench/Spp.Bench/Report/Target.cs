using System.Globalization;

namespace Spp.Bench.Report;

/// <summary>A figure's target: at least or at most <see cref="Limit"/>.</summary>
public sealed record Target(double Limit, bool AtLeast)
{
    public static Target Minimum(double limit) => new(limit, true);

    public static Target Maximum(double limit) => new(limit, false);

    public bool IsMet(double value) => AtLeast ? value >= Limit : value <= Limit;

    /// <summary>Above 1 means better than the target, whichever way it points.</summary>
    public double Ratio(double value) => AtLeast ? value / Limit : Limit / value;

    public string Text(string unit) => (AtLeast ? "≥ " : "≤ ") + Figure.Format(Limit, unit);

    public string Verdict(double value) =>
        double.IsNaN(value) ? "–" : $"{Ratio(value).ToString("0.00", CultureInfo.InvariantCulture)}× {(IsMet(value) ? "met" : "missed")}";
}
