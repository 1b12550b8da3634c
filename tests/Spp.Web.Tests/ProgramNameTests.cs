using System.Diagnostics;

namespace Spp.Web.Tests;

/// <summary>The program is called spp-ctl, as upstream's: the assembly, and the executable an operator runs.</summary>
public sealed class ProgramNameTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "spp-ctl.exe" : "spp-ctl");

    [Fact]
    public void The_built_program_is_spp_ctl_dll_beside_its_executable()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "spp-ctl.dll")), "spp-ctl.dll is built");
        Assert.True(File.Exists(Executable), "the executable spp-ctl is built");
        Assert.Equal("spp-ctl", typeof(Spp.Web.Hosting.Daemon).Assembly.GetName().Name);
    }

    [Fact]
    public async Task The_executable_spp_ctl_runs_and_prints_its_usage()
    {
        var start = new ProcessStartInfo(Executable, "--help") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((0, ""), (process.ExitCode, await error));
        Assert.StartsWith("usage: spp-ctl ", await output);
    }
}
