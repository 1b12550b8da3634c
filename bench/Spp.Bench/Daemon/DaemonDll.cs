namespace Spp.Bench.Daemon;

/// <summary>
/// Finds the daemon's program in a build output. The program is <c>Spp.Web.dll</c>, or <c>spp-ctl.dll</c> in builds
/// that give it the upstream daemon's name; a folder that holds both (an output built before and after the rename)
/// means the newer one. The output folder also holds other programs (the emulator), which are never taken.
/// </summary>
public static class DaemonDll
{
    public static readonly IReadOnlyList<string> Names = ["spp-ctl.dll", "Spp.Web.dll"];

    /// <param name="path">
    /// The dll itself; the folder it was built into; or a project folder or checkout, below which the Release
    /// output is looked for (<c>bin/Release/*/</c>, <c>src/Spp.Web/bin/Release/*/</c>).
    /// </param>
    /// <exception cref="FileNotFoundException">No daemon there, with every place looked at.</exception>
    public static string Find(string path)
    {
        if (File.Exists(path))
        {
            if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && HasRuntimeConfig(path)) return path;
            throw new FileNotFoundException($"{path} is not a program dll with its .runtimeconfig.json beside it");
        }
        if (!Directory.Exists(path)) throw new FileNotFoundException($"no such file or folder: {path}");

        var folders = new[] { path }
            .Concat(Outputs(Path.Combine(path, "bin", "Release")))
            .Concat(Outputs(Path.Combine(path, "src", "Spp.Web", "bin", "Release")))
            .ToList();
        foreach (var folder in folders)
        {
            var newest = Names.Select(name => new FileInfo(Path.Combine(folder, name)))
                .Where(file => file.Exists && HasRuntimeConfig(file.FullName))
                .MaxBy(file => file.LastWriteTimeUtc);
            if (newest is not null) return newest.FullName;
        }
        throw new FileNotFoundException(
            $"no {string.Join(" or ", Names)} with its .runtimeconfig.json in {string.Join(", ", folders.Distinct())}");
    }

    /// <summary>The target framework folders of a Release output (<c>net10.0</c>, ...).</summary>
    private static IEnumerable<string> Outputs(string release) =>
        Directory.Exists(release) ? Directory.GetDirectories(release).Order(StringComparer.Ordinal) : [];

    private static bool HasRuntimeConfig(string dll) => File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));
}
