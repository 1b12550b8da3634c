using System.Reflection;

namespace Spp.Bench.Daemon;

/// <summary>Where the daemon built alongside this program is: <c>src/Spp.Web/bin/{configuration}/{tfm}/spp-ctl.dll</c>.</summary>
public static class DaemonBuild
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(DaemonBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string DllPath()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(RepositoryRoot, "src", "Spp.Web", "bin", Configuration, framework, "spp-ctl.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"the daemon is not built: {path}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SppActors.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no SppActors.sln above {AppContext.BaseDirectory}");
    }
}
