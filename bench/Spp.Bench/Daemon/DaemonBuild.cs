using System.Reflection;

namespace Spp.Bench.Daemon;

/// <summary>
/// One build of the daemon: the program file that <c>dotnet</c> runs, and how the result table names it. This
/// build is the one compiled alongside the bench (<c>src/Spp.Web/bin/{configuration}/{tfm}/</c>); a baseline is any
/// other build output.
/// </summary>
public sealed record DaemonBuild(string DllPath, string Name)
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(DaemonBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The daemon built with this bench, named after the repository's commit.</summary>
    public static async Task<DaemonBuild> CurrentAsync()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var output = Path.Combine(RepositoryRoot, "src", "Spp.Web", "bin", Configuration, framework);
        if (!Directory.Exists(output)) throw new FileNotFoundException($"the daemon is not built: no {output}");
        var dll = DaemonDll.Find(output);
        return new DaemonBuild(dll, $"{Relative(dll)} ({await Git.DescribeAsync(RepositoryRoot)})");
    }

    /// <summary>Another build of the daemon: its dll, the folder it was built into, its project folder or a checkout.</summary>
    public static DaemonBuild At(string path)
    {
        var dll = DaemonDll.Find(Path.GetFullPath(path));
        return new DaemonBuild(dll, $"`{dll}`");
    }

    private static string Relative(string path) => $"`{Path.GetRelativePath(RepositoryRoot, path)}`";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SppActors.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no SppActors.sln above {AppContext.BaseDirectory}");
    }
}
