using System.Diagnostics;
using Spp.Bench;
using Spp.Bench.Daemon;
using Spp.Bench.Report;
using Spp.Bench.Scenarios;

BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{BenchOptions.Usage}\nspp-bench: error: {e.Message}");
    return 2;
}
if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
if (options.Micro) return Spp.Bench.Micro.MicroSuite.Run(options.Quick, options.MicroArguments);

var settings = options.Quick ? RunSettings.Quick : RunSettings.Full;
var progress = Console.Error;
List<DaemonBuild> builds;
try
{
    builds = [await DaemonBuild.CurrentAsync()];
    if (options.Baseline is { } path) builds.Add(DaemonBuild.At(path));
    if (options.BaselineCommit is { } revision) builds.Add(await BaselineCommit.BuildAsync(revision, progress));
}
catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine($"spp-bench: error: {e.Message}");
    return 1;
}
foreach (var (build, i) in builds.Select((b, i) => (b, i))) progress.WriteLine($"{DaemonsUnderTest.Role(i)}: {build.DllPath}");

var figures = new List<Figure>();
var clock = Stopwatch.StartNew();
foreach (var scenario in Scenario.All.Where(s => options.Scenario is null || s.Number == options.Scenario))
{
    progress.WriteLine($"scenario {scenario.Number}: {scenario.Title}");
    figures.AddRange(await scenario.RunAsync(builds, settings, progress));
}
progress.WriteLine($"done in {clock.Elapsed.TotalSeconds:0} s");

var command = "dotnet run -c Release --project bench/Spp.Bench --" + string.Concat(args.Where(a => a != "--write-docs").Select(a => " " + a));
var table = ResultTable.Markdown(figures, Machine.Current(), command.TrimEnd('-', ' '), settings.Text, builds.Select(b => b.Name).ToList());
Console.WriteLine(table);
if (options.WriteDocs)
{
    var page = Path.Combine(DaemonBuild.RepositoryRoot, "docs", "performance.md");
    PerformanceDoc.Update(page, builds.Count > 1 ? PerformanceDoc.AgainstBaseline : PerformanceDoc.Latest, table);
    progress.WriteLine($"wrote {page}");
}
return 0;
