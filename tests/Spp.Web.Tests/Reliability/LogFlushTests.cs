using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>The log is written in the background; a normal stop still writes every line that was logged.</summary>
public sealed class LogFlushTests
{
    private const int Commands = 200;

    [Fact]
    public async Task Every_command_has_its_log_line_in_the_file_after_sigterm()
    {
        var folder = Directory.CreateTempSubdirectory("spp-log-");
        var log = Path.Combine(folder.FullName, "spp-ctl.log");
        var config = Path.Combine(folder.FullName, "settings.json");
        await File.WriteAllTextAsync(config, $$$"""{"Logging":{"Console":false,"File":{"Path":"{{{log}}}","RollingInterval":"Infinite"} } }""");

        await using var daemon = await CommandsThenSigtermAsync($"--config {config}");

        var lines = await File.ReadAllLinesAsync(log);
        Assert.Equal(Commands, lines.Count(l => l.Contains("nfv:1 status -> success")));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Every_command_has_its_log_line_on_standard_error_after_sigterm()
    {
        await using var daemon = await CommandsThenSigtermAsync();

        Assert.Equal(Commands, daemon.ErrorLines.Count(l => l.Contains("nfv:1 status -> success")));
    }

    /// <summary>A daemon as its own process serves <see cref="Commands"/> status reads of nfv 1, then stops on SIGTERM with exit code 0.</summary>
    private static async Task<ChildDaemon> CommandsThenSigtermAsync(string extra = "")
    {
        var daemon = await ChildDaemon.StartAsync(extra);
        try
        {
            await using var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 1, new ControllerEndpoint("127.0.0.1", daemon.SecondaryPort), Controller.FastEmulator);
            using var http = daemon.Client();
            await Eventually.HoldsAsync(async () => (await http.GetStringAsync("/v1/processes")).Contains("\"nfv\""), "nfv listed");

            for (var i = 0; i < Commands; i++) Assert.True((await http.GetAsync("/v1/nfvs/1")).IsSuccessStatusCode);
            daemon.Terminate();
            await daemon.WaitForExitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(0, daemon.ExitCode);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }
}
