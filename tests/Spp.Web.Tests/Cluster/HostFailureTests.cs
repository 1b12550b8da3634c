using System.Diagnostics;
using Spp.Emulator;
using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

/// <summary>Host c is a daemon of its own (an OS process), so that it can be killed as a crash kills it, and started again.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HostFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static Task<Controller> StartAsync(string name, int port, int seedPort) =>
        Controller.StartAsync(commandTimeout: Timeout, tune: o => o with
        {
            Cluster = new ClusterSettings { Port = port, HostName = name, Seeds = [$"127.0.0.1:{seedPort}"] },
        });

    private static Task<ChildDaemon> StartCAsync((int Primary, int Secondary, int Api, int Cluster) c, int seedPort) =>
        ChildDaemon.StartAsync(c.Primary, c.Secondary, c.Api,
            $"--demo --timeout 2 --cluster-port {c.Cluster} --host-name c --seed 127.0.0.1:{seedPort}");

    private static Task UntilAsync(Controller host, Func<string, bool> hosts, string what) => Eventually.HoldsAsync(
        async () => hosts(await host.GetStringAsync("/v1/hosts")), what, TimeSpan.FromSeconds(40));

    private static bool Up(string hosts, string name) => hosts.Contains($$"""{"host":"{{name}}","address":""") &&
        System.Text.RegularExpressions.Regex.IsMatch(hosts, $$"""\{"host":"{{name}}","address":"[^"]+","status":"up","self":false,"processes":[1-9]""");

    [Fact]
    public async Task A_killed_host_is_unreachable_its_routes_answer_503_at_once_the_others_go_on_and_it_is_served_again_when_back()
    {
        var seedPort = FreePort.Next();
        await using var a = await StartAsync("a", seedPort, seedPort);
        await using var b = await StartAsync("b", FreePort.Next(), seedPort);
        await b.ConnectAsync(EmulatedKind.Nfv, 1);
        var ports = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        var c = await StartCAsync(ports, seedPort);
        await UntilAsync(a, h => Up(h, "b") && Up(h, "c"), "b and c up, with their processes");

        await using var events = await EventStream.OpenAsync(a);

        // A command in flight on c when it dies: an nfv of c that will not answer.
        var hung = EmulatedProcess.Start(EmulatedKind.Nfv, 9, new ControllerEndpoint("127.0.0.1", ports.Item2),
            Controller.FastEmulator with { RetryInterval = TimeSpan.FromHours(1) });
        await using (hung)
        {
            await Eventually.HoldsAsync(async () => (await a.GetAsync("/v1/hosts/c/nfvs/9")).IsSuccessStatusCode, "a sees nfv 9 of c");
            hung.Faults.HangAfterCommands = 0;
            var clock = Stopwatch.StartNew();
            var inFlight = a.GetAsync("/v1/hosts/c/nfvs/9");
            await hung.WaitUntilAsync(p => p.CommandCount("status") == 2, Controller.Patience);
            await c.DisposeAsync();

            var answer = await inFlight;
            Assert.InRange((int)answer.StatusCode, 500, 599);
            Assert.True(clock.Elapsed < Timeout + TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}");
        }

        await UntilAsync(a, h => h.Contains("""{"host":"c",""") && h.Contains("\"status\":\"unreachable\""), "c unreachable");
        var lost = (await events.UntilAsync(e => e.Name == "host-unreachable")).Last();
        Assert.Equal(("c", $"127.0.0.1:{ports.Item4}"), (lost.Text("host"), lost.Text("address")));
        var routed = Stopwatch.StartNew();
        await Expect.ErrorAsync(await a.GetAsync("/v1/hosts/c/processes"), 503, "host c unreachable.");
        Assert.True(routed.Elapsed < TimeSpan.FromSeconds(1), $"503 after {routed.Elapsed}");
        await Expect.JsonAsync(await a.GetAsync("/v1/hosts/b/nfvs/1"));
        await Expect.JsonAsync(await b.GetAsync("/v1/hosts/b/nfvs/1"));

        await using var again = await StartCAsync(ports, seedPort);
        await UntilAsync(a, h => Up(h, "c"), "c up again");
        await UntilAsync(b, h => Up(h, "c"), "c up again, as b sees it");
        Assert.Equal("c", (await events.UntilAsync(e => e.Name == "host-up")).Last().Text("host"));
        await Eventually.HoldsAsync(async () => (await a.GetAsync("/v1/hosts/c/nfvs/1")).IsSuccessStatusCode, "c's nfv 1 served through a");
        await Expect.JsonAsync(await b.GetAsync("/v1/hosts/c/vfs/2"));
    }
}
