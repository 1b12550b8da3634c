using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// The daemon as its own process, started as operators start it: its socket completions run on the threads that
/// poll the sockets, and with them Akka.IO's connection actors and the process actors. A hung process must still
/// delay nobody else, and concurrent requests to the others are each answered, each command sent once.
/// </summary>
public sealed class AsStartedTests
{
    private const int Clients = 16;

    [Fact]
    public async Task A_hung_process_delays_nobody_while_concurrent_requests_to_the_others_are_each_answered_once()
    {
        await using var daemon = await ChildDaemon.StartAsync("--timeout 3");
        var endpoint = new ControllerEndpoint("127.0.0.1", daemon.SecondaryPort);
        var options = Controller.FastEmulator with { RetryInterval = TimeSpan.FromHours(1) };
        await using var hung = EmulatedProcess.Start(EmulatedKind.Nfv, 1, endpoint, options);
        await using var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 2, endpoint, options);
        await using var vf = EmulatedProcess.Start(EmulatedKind.Vf, 3, endpoint, options);
        using var http = daemon.Client();
        await Eventually.HoldsAsync(async () => (await http.GetStringAsync("/v1/processes")).Contains("\"client-id\":3"), "all three listed");

        await Expect.JsonAsync(await http.GetAsync("/v1/nfvs/2"));
        await Expect.JsonAsync(await http.GetAsync("/v1/vfs/3"));

        hung.Faults.HangAfterCommands = 0;
        var stuck = http.GetAsync("/v1/nfvs/1");
        await hung.WaitUntilAsync(p => p.CommandCount("status") == 1, Controller.Patience);
        var nfvStatusBefore = nfv.CommandCount("status");

        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).SelectMany(_ => new[]
        {
            http.GetAsync("/v1/nfvs/2"),
            http.GetAsync("/v1/vfs/3"),
            http.PutAsync("/v1/nfvs/2/forward", new StringContent("""{"action":"start"}""")),
        }));

        Assert.False(stuck.IsCompleted, "the hung process's request ended before the others were answered");
        Assert.All(answers, answer => Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode} {answer.RequestMessage!.RequestUri}"));
        Assert.Equal(Clients, nfv.CommandCount("status") - nfvStatusBefore);
        Assert.Equal(Clients, nfv.CommandCount("forward"));
        await Expect.ErrorAsync(await stuck, 500, "timeout: nfv:1: no reply within 3 s");
    }
}
