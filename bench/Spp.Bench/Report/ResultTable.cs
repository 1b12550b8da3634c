using System.Text;

namespace Spp.Bench.Report;

/// <summary>
/// The figures of a run as one markdown table, with the machine and the command that produced it. When two builds
/// were compared, each line shows both values, this build's divided by the baseline's, and which is better.
/// </summary>
public static class ResultTable
{
    /// <param name="builds">What was measured: this build alone, or this build and the baseline, one line of text each.</param>
    public static string Markdown(IReadOnlyList<Figure> figures, Machine machine, string command, string runs, IReadOnlyList<string> builds)
    {
        var text = new StringBuilder();
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine.Text}.");
        text.AppendLine($"Command: `{command}`. {runs}");
        if (builds.Count > 1)
        {
            text.AppendLine($"This build: {builds[0]}. Baseline: {builds[1]}. Every repetition measures this build, then the baseline, "
                + "each daemon with its own identical emulated processes; the ratio is this build ÷ baseline.");
            text.AppendLine();
            text.AppendLine("| # | Measure | This build | Baseline | Ratio | Change | Target | vs target | Detail (this build; baseline) |");
            text.AppendLine("|---|---------|-----------:|---------:|------:|--------|-------:|-----------|--------|");
            foreach (var f in figures)
            {
                var detail = f.Baseline is { } b ? Join(f.Current.Detail, b.Detail) : f.Current.Detail;
                var baseline = f.Baseline is { } v ? Figure.Format(v.Value, f.Unit) : "";
                text.AppendLine($"| {f.Scenario} | {f.Measure} | {Figure.Format(f.Value, f.Unit)} | {baseline} | {Comparison.RatioText(f)} "
                    + $"| {Comparison.Change(f)} | {TargetText(f)} | {Verdict(f)} | {detail} |");
            }
            return text.ToString();
        }
        text.AppendLine();
        text.AppendLine("| # | Measure | Value | Detail | Target | vs target |");
        text.AppendLine("|---|---------|------:|--------|-------:|-----------|");
        foreach (var f in figures)
            text.AppendLine($"| {f.Scenario} | {f.Measure} | {Figure.Format(f.Value, f.Unit)} | {f.Current.Detail} | {TargetText(f)} | {Verdict(f)} |");
        return text.ToString();
    }

    private static string Join(string current, string baseline) =>
        current == baseline ? current : $"{current}<br>baseline: {baseline}";

    private static string TargetText(Figure f) => f.Target is { } t ? t.Text(f.Unit) : "";

    private static string Verdict(Figure f) => f.Target is { } t ? t.Verdict(f.Value) : "";
}
