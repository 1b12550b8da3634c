using System.Text;

namespace Spp.Bench.Report;

/// <summary>The figures of a run as one markdown table, with the machine and the command that produced it.</summary>
public static class ResultTable
{
    public static string Markdown(IReadOnlyList<Figure> figures, Machine machine, string command, string runs)
    {
        var text = new StringBuilder();
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine.Text}.");
        text.AppendLine($"Command: `{command}`. {runs}");
        text.AppendLine();
        text.AppendLine("| # | Measure | Value | Detail | Target | vs target |");
        text.AppendLine("|---|---------|------:|--------|-------:|-----------|");
        foreach (var f in figures)
        {
            var target = f.Target is { } t ? t.Text(f.Unit) : "";
            var verdict = f.Target is { } v ? v.Verdict(f.Value) : "";
            text.AppendLine($"| {f.Scenario} | {f.Measure} | {f.ValueText} | {f.Detail} | {target} | {verdict} |");
        }
        return text.ToString();
    }
}
