using System.Globalization;
using System.Text;

namespace Spp.Web.Observability;

public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>One line of a family: <c>{name}{suffix}{labels} {value}</c>; the suffix is <c>_bucket</c>, <c>_sum</c>, <c>_count</c> or empty.</summary>
public sealed record MetricSample(string Suffix, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);

/// <summary>A metric family: its name, help text, type and samples, in the order they are written.</summary>
public sealed record MetricFamily(string Name, string Help, MetricType Type, IReadOnlyList<MetricSample> Samples);

/// <summary>
/// The Prometheus text exposition format, version 0.0.4: <c># HELP</c> and <c># TYPE</c> for each family, then one
/// line per sample, label values escaped, every line ending in <c>\n</c>.
/// </summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families) Write(text, family);
        return text.ToString();
    }

    private static void Write(StringBuilder text, MetricFamily family)
    {
        text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
        text.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');
        foreach (var sample in family.Samples)
        {
            text.Append(family.Name).Append(sample.Suffix);
            if (sample.Labels.Count > 0)
            {
                text.Append('{');
                for (var i = 0; i < sample.Labels.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    text.Append(sample.Labels[i].Key).Append("=\"").Append(EscapeLabelValue(sample.Labels[i].Value)).Append('"');
                }
                text.Append('}');
            }
            text.Append(' ').Append(FormatValue(sample.Value)).Append('\n');
        }
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        _ => "histogram",
    };

    /// <summary>Integers without a decimal point, other numbers in the shortest form that reads back the same.</summary>
    public static string FormatValue(double value)
    {
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        if (double.IsNaN(value)) return "NaN";
        if (value == Math.Floor(value) && Math.Abs(value) < 9007199254740992d)
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A label value: backslash, double quote and line feed escaped.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    /// <summary>A help text: backslash and line feed escaped.</summary>
    public static string EscapeHelp(string help) => help.Replace("\\", @"\\").Replace("\n", @"\n");

    /// <summary>A metric or label name: characters outside <c>[a-zA-Z0-9_:]</c> become <c>_</c>.</summary>
    public static string SanitizeName(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '_' or ':')) chars[i] = '_';
        if (chars.Length > 0 && char.IsAsciiDigit(chars[0])) return "_" + new string(chars);
        return new string(chars);
    }
}
