namespace Spp.Bench.Daemon;

/// <summary>The few questions the bench asks git about the repository it runs from.</summary>
public static class Git
{
    /// <summary><c>git describe --always --dirty</c>, or "no git" where git cannot tell.</summary>
    public static async Task<string> DescribeAsync(string repository)
    {
        try
        {
            return "commit " + await ChildCommand.RunAsync("git", ["describe", "--always", "--dirty"], repository);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "no git";
        }
    }

    /// <summary>The full hash of <paramref name="revision"/> (a hash, branch or tag).</summary>
    public static Task<string> CommitAsync(string repository, string revision) =>
        ChildCommand.RunAsync("git", ["rev-parse", "--verify", "--end-of-options", $"{revision}^{{commit}}"], repository);

    /// <summary>Writes the files of <paramref name="commit"/> into <paramref name="folder"/>, without touching the repository's work trees.</summary>
    public static async Task ExportAsync(string repository, string commit, string folder)
    {
        Directory.CreateDirectory(folder);
        var archive = Path.Combine(folder, "..", $"{Path.GetFileName(folder)}.tar");
        await ChildCommand.RunAsync("git", ["archive", "--format=tar", $"--output={archive}", commit], repository);
        try
        {
            await ChildCommand.RunAsync("tar", ["-xf", archive, "-C", folder], repository);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
