namespace Spp.Bench.Report;

/// <summary>Puts the latest table into docs/performance.md, between two markers; the rest of the page is prose.</summary>
public static class PerformanceDoc
{
    private const string Begin = "<!-- bench:begin (written by the bench with --write-docs) -->";
    private const string End = "<!-- bench:end -->";

    public static void Update(string path, string table)
    {
        var page = File.ReadAllText(path);
        var begin = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"{path} lacks the markers {Begin} ... {End}");
        File.WriteAllText(path, page[..(begin + Begin.Length)] + "\n" + table + page[end..]);
    }
}
