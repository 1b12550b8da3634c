using Spp.Bench.Daemon;

namespace Spp.Bench.Tests;

/// <summary>The daemon is found in a build output whatever the program is named, and never confused with the emulator.</summary>
public sealed class DaemonDllTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("spp-bench-tests-").FullName;

    [Theory]
    [InlineData("Spp.Web.dll")]
    [InlineData("spp-ctl.dll")]
    public void A_build_folder_yields_its_daemon(string name)
    {
        var dll = Program(root, name);
        Program(root, "Spp.Emulator.dll");
        Assert.Equal(dll, DaemonDll.Find(root));
    }

    [Fact]
    public void A_folder_built_before_and_after_the_rename_yields_the_newer_program()
    {
        var old = Program(root, "Spp.Web.dll");
        var renamed = Program(root, "spp-ctl.dll");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddMinutes(-10));
        Assert.Equal(renamed, DaemonDll.Find(root));

        File.SetLastWriteTimeUtc(renamed, DateTime.UtcNow.AddMinutes(-20));
        Assert.Equal(old, DaemonDll.Find(root));
    }

    [Fact]
    public void The_dll_itself_is_taken_as_given()
    {
        var dll = Program(root, "spp-ctl.dll");
        Assert.Equal(dll, DaemonDll.Find(dll));
    }

    [Fact]
    public void A_project_folder_yields_its_release_output()
    {
        var dll = Program(Path.Combine(root, "bin", "Release", "net10.0"), "Spp.Web.dll");
        Program(Path.Combine(root, "bin", "Debug", "net10.0"), "Spp.Web.dll");
        Assert.Equal(dll, DaemonDll.Find(root));
    }

    [Fact]
    public void A_checkout_yields_the_release_output_of_its_web_project()
    {
        var dll = Program(Path.Combine(root, "src", "Spp.Web", "bin", "Release", "net10.0"), "spp-ctl.dll");
        Assert.Equal(dll, DaemonDll.Find(root));
    }

    [Fact]
    public void A_folder_with_no_daemon_is_refused_naming_what_was_looked_for()
    {
        Program(root, "Spp.Emulator.dll");
        var e = Assert.Throws<FileNotFoundException>(() => DaemonDll.Find(root));
        Assert.Equal($"no spp-ctl.dll or Spp.Web.dll with its .runtimeconfig.json in {root}", e.Message);
    }

    [Fact]
    public void A_dll_without_its_runtime_config_is_not_a_program()
    {
        var library = Path.Combine(root, "Spp.Web.dll");
        File.WriteAllText(library, "");
        var e = Assert.Throws<FileNotFoundException>(() => DaemonDll.Find(library));
        Assert.Equal($"{library} is not a program dll with its .runtimeconfig.json beside it", e.Message);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_refused()
    {
        var missing = Path.Combine(root, "nowhere");
        var e = Assert.Throws<FileNotFoundException>(() => DaemonDll.Find(missing));
        Assert.Equal($"no such file or folder: {missing}", e.Message);
    }

    private static string Program(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var dll = Path.Combine(folder, name);
        File.WriteAllText(dll, "");
        File.WriteAllText(Path.ChangeExtension(dll, ".runtimeconfig.json"), "{}");
        return dll;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
