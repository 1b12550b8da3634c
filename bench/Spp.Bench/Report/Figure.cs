using System.Globalization;

namespace Spp.Bench.Report;

/// <summary>
/// One line of the result table: a measured value (NaN when it could not be measured, with the reason in
/// <see cref="Detail"/>), and the target for it if there is one.
/// </summary>
public sealed record Figure(int Scenario, string Measure, double Value, string Unit, string Detail = "", Target? Target = null)
{
    public string ValueText => Format(Value, Unit);

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
