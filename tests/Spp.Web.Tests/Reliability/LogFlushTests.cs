using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>The log is written in the background; a normal stop still writes every line that was logged.</summary>
public sealed class LogFlushTests
{
    [Fact]
    public async Task Every_command_has_its_log_line_in_the_file_after_sigterm()
    {
        var folder = Directory.CreateTempSubdirectory("spp-log-");
        var log = Path.Combine(folder.FullName, "spp-ctl.log");
        var config = Path.Combine(folder.FullName, "settings.json");
        await File.WriteAllTextAsync(config, $$$"""{"Logging":{"Console":false,"File":{"Path":"{{{log}}}","RollingInterval":"Infinite"} } }""");
        var (primaryPort, secondaryPort, apiPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        await using var daemon = await ChildDaemon.StartAsync(primaryPort, secondaryPort, apiPort, $"--config {config}");
        await using var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 1, new ControllerEndpoint("127.0.0.1", secondaryPort), Controller.FastEmulator);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        await Eventually.HoldsAsync(async () => (await http.GetStringAsync("/v1/processes")).Contains("\"nfv\""), "nfv listed");

        const int commands = 200;
        for (var i = 0; i < commands; i++) Assert.True((await http.GetAsync("/v1/nfvs/1")).IsSuccessStatusCode);
        daemon.Terminate();
        await daemon.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, daemon.ExitCode);
        var lines = await File.ReadAllLinesAsync(log);
        Assert.Equal(commands, lines.Count(l => l.Contains("nfv:1 status -> success")));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Every_command_has_its_log_line_on_standard_error_after_sigterm()
    {
        var (primaryPort, secondaryPort, apiPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        await using var daemon = await ChildDaemon.StartAsync(primaryPort, secondaryPort, apiPort);
        await using var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 1, new ControllerEndpoint("127.0.0.1", secondaryPort), Controller.FastEmulator);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        await Eventually.HoldsAsync(async () => (await http.GetStringAsync("/v1/processes")).Contains("\"nfv\""), "nfv listed");

        const int commands = 200;
        for (var i = 0; i < commands; i++) Assert.True((await http.GetAsync("/v1/nfvs/1")).IsSuccessStatusCode);
        daemon.Terminate();
        await daemon.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, daemon.ExitCode);
        Assert.Equal(commands, daemon.ErrorLines.Count(l => l.Contains("nfv:1 status -> success")));
    }
}
