namespace Spp.Bench.Daemon;

/// <summary>
/// Builds the daemon as it was at a commit of this repository, to be the baseline of a comparison. The commit's
/// files are exported (<c>git archive</c>, so no work tree is added to the repository) into
/// <c>{temp}/spp-bench-baselines/{hash}/</c> and its web project is built there in Release. A commit already built
/// there is reused.
/// </summary>
public static class BaselineCommit
{
    private const string BuiltStamp = ".built";

    public static async Task<DaemonBuild> BuildAsync(string revision, TextWriter progress)
    {
        var repository = DaemonBuild.RepositoryRoot;
        var commit = await Git.CommitAsync(repository, revision);
        var shortHash = commit[..7];
        var folder = Path.Combine(Path.GetTempPath(), "spp-bench-baselines", commit);
        if (!File.Exists(Path.Combine(folder, BuiltStamp)))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            progress.WriteLine($"baseline: building commit {shortHash} in {folder}");
            await Git.ExportAsync(repository, commit, folder);
            var project = WebProject(folder);
            await ChildCommand.RunAsync("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "quiet"], folder, progress);
            await File.WriteAllTextAsync(Path.Combine(folder, BuiltStamp), commit);
        }
        else
        {
            progress.WriteLine($"baseline: commit {shortHash}, built before in {folder}");
        }
        var dll = DaemonDll.Find(Path.GetDirectoryName(WebProject(folder))!);
        var subject = await ChildCommand.RunAsync("git", ["log", "-1", "--format=%s", commit], repository);
        return new DaemonBuild(dll, $"commit {shortHash} \"{subject}\"");
    }

    /// <summary>The daemon's project: the one web project under <c>src/</c>, whatever it is named at that commit.</summary>
    private static string WebProject(string checkout)
    {
        var projects = Directory.GetFiles(Path.Combine(checkout, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadLines(p).Take(3).Any(line => line.Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.Ordinal)))
            .ToList();
        return projects.Count == 1
            ? projects[0]
            : throw new InvalidOperationException($"expected one web project under {checkout}/src, found {projects.Count}");
    }
}
