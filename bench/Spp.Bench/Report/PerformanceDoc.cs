namespace Spp.Bench.Report;

/// <summary>
/// Puts a table into docs/performance.md between two markers; the rest of the page is prose. A run of this build
/// alone fills the "bench" section, a comparison with a baseline build the "bench-ab" section.
/// </summary>
public static class PerformanceDoc
{
    public const string Latest = "bench";
    public const string AgainstBaseline = "bench-ab";

    public static void Update(string path, string section, string table)
    {
        var begin = $"<!-- {section}:begin (written by the bench with --write-docs) -->";
        var end = $"<!-- {section}:end -->";
        var page = File.ReadAllText(path);
        var from = page.IndexOf(begin, StringComparison.Ordinal);
        var to = page.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new InvalidOperationException($"{path} lacks the markers {begin} ... {end}");
        File.WriteAllText(path, page[..(from + begin.Length)] + "\n" + table + page[to..]);
    }
}
