using System.Collections.Concurrent;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// SIGTERM stops accepting, lets the command in flight finish, closes every SPP connection and exits 0; a
/// restarted daemon picks every process up again as they reconnect.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_finishes_the_command_in_flight_closes_connections_and_exits_0_and_a_restart_picks_processes_up()
    {
        var (primaryPort, secondaryPort, apiPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var first = await ChildDaemon.StartAsync(primaryPort, secondaryPort, apiPort);
        var emulatorLog = new ConcurrentQueue<string>();
        var emulator = Controller.FastEmulator with { Log = line => emulatorLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}") };
        await using var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 1, new ControllerEndpoint("127.0.0.1", secondaryPort), emulator);
        await using var primary = EmulatedProcess.Start(EmulatedKind.Primary, 0, new ControllerEndpoint("127.0.0.1", primaryPort), emulator);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        await Eventually.HoldsAsync(async () => (await http.GetStringAsync("/v1/processes")).Contains("\"nfv\""), "nfv listed");

        nfv.Faults.ReplyDelay = TimeSpan.FromSeconds(1);
        var inFlight = http.GetAsync("/v1/nfvs/1");
        await nfv.WaitUntilAsync(p => p.CommandCount("status") == 1, Controller.Patience);
        first.Terminate();

        var answer = await inFlight;
        Assert.Equal(200, (int)answer.StatusCode);
        await first.WaitForExitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, first.ExitCode);
        await nfv.WaitUntilAsync(p => !p.IsConnected || p.ConnectionCount > 1, Controller.Patience);
        await first.DisposeAsync();

        nfv.Faults.ReplyDelay = TimeSpan.Zero;
        await using var second = await ChildDaemon.StartAsync(primaryPort, secondaryPort, apiPort);
        var listed = "";
        await Eventually.HoldsAsync(async () => (listed = await http.GetStringAsync("/v1/processes")) == """[{"type":"primary"},{"type":"nfv","client-id":1}]""",
            "both processes back", state: () => $"""
                listed: {listed}
                primary: {(primary.IsConnected ? "connected" : "not connected")}, {primary.ConnectionCount} connections
                nfv: {(nfv.IsConnected ? "connected" : "not connected")}, {nfv.ConnectionCount} connections
                the emulators' log:
                {string.Join('\n', emulatorLog)}
                the second daemon's log:
                {string.Join('\n', second.ErrorLines)}
                """);
        Assert.Equal(200, (int)(await http.GetAsync("/v1/nfvs/1")).StatusCode);
    }
}
