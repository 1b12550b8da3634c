using System.Diagnostics;
using Microsoft.Playwright;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Topology;

/// <summary>The topology page in headless chromium, against the daemon as an operator starts it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(Browser browser)
{
    private const float OneSecond = 1000;
    private const float Patience = 10_000;
    private const string AllFive = """[{"type":"primary"},{"type":"nfv","client-id":1},{"type":"vf","client-id":2},{"type":"mirror","client-id":3},{"type":"pcap","client-id":4}]""";

    private static readonly string[] Processes = ["primary", "nfv:1", "vf:2", "mirror:3", "pcap:4"];
    private static readonly string[] Ports = ["phy:0", "phy:1", "ring:0", "ring:1", "ring:2", "ring:3"];

    [Fact]
    public async Task The_page_shows_the_five_demo_processes_and_their_ports_without_script_errors()
    {
        await using var demo = await DemoAsync();
        await using var tab = await browser.OpenAsync(Url(demo.Daemon));

        foreach (var process in Processes) await AttachedAsync(tab.Page, $"g.node.process[data-id='{process}']", Patience);
        foreach (var port in Ports) await AttachedAsync(tab.Page, $"g.node.port[data-id='{port}']", Patience);
        Assert.Contains("idling", await tab.Page.Locator("g.node[data-id='nfv:1']").TextContentAsync());
        Assert.Contains("capture idle", await tab.Page.Locator("g.node[data-id='pcap:4']").TextContentAsync());
        await Assertions.Expect(tab.Page.Locator("section.host .stream")).ToHaveTextAsync("live");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_patch_added_through_the_api_shows_within_one_second()
    {
        await using var demo = await DemoAsync();
        await using var tab = await LiveTabAsync(demo.Daemon);
        await Expect.NoContentAsync(await demo.Http.PutAsync("/v1/nfvs/1/ports", Json("""{"action":"add","port":"ring:0"}""")));

        await Expect.NoContentAsync(await demo.Http.PutAsync("/v1/nfvs/1/patches", Json("""{"src":"ring:0","dst":"phy:1"}""")));
        var shown = Stopwatch.StartNew();
        await AttachedAsync(tab.Page, "g.edge.patch[data-from='ring:0'][data-to='phy:1'][data-owner='nfv:1']", OneSecond);

        Assert.True(shown.Elapsed < TimeSpan.FromSeconds(1), $"shown after {shown.Elapsed}");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_process_that_exits_goes_away_and_one_that_connects_appears()
    {
        await using var demo = await DemoAsync();
        await using var tab = await LiveTabAsync(demo.Daemon);

        await Expect.NoContentAsync(await demo.Http.DeleteAsync("/v1/nfvs/1"));
        await DetachedAsync(tab.Page, "g.node[data-id='nfv:1']", OneSecond);

        await Expect.NoContentAsync(await demo.Http.PutAsync("/v1/primary/launch", Json(
            $$$"""{"proc_name":"spp_nfv","client_id":5,"eal":{"-l":"1,2","--proc-type":"secondary"},"app":{"-n":"5","-s":"127.0.0.1:{{{demo.Daemon.SecondaryPort}}}"}}""")));
        await Eventually.HoldsAsync(async () => (await demo.Http.GetStringAsync("/v1/processes")).Contains("""{"type":"nfv","client-id":5}"""), "nfv 5 listed");
        await AttachedAsync(tab.Page, "g.node.process[data-id='nfv:5']", OneSecond);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_lost_event_stream_is_shown_and_the_page_reconnects_by_itself()
    {
        var ports = (Primary: FreePort.Next(), Secondary: FreePort.Next(), Api: FreePort.Next());
        var first = await DemoAsync(ports);
        await using var tab = await LiveTabAsync(first.Daemon);

        await first.DisposeAsync();
        await Assertions.Expect(tab.Page.Locator("section.host .stream")).ToContainTextAsync("reconnecting", new() { Timeout = Patience });

        await using var second = await DemoAsync(ports);
        await Assertions.Expect(tab.Page.Locator("section.host .stream")).ToHaveTextAsync("live", new() { Timeout = Patience });
        foreach (var process in Processes) await AttachedAsync(tab.Page, $"g.node.process[data-id='{process}']", Patience);
    }

    [Fact]
    public async Task With_access_control_the_page_asks_for_a_token_and_a_viewer_sees_everything()
    {
        await using var controller = await Controller.StartAsync(configuration: ViewerAccess.Settings);
        controller.Start(EmulatedKind.Nfv, 1);
        await using var tab = await browser.OpenAsync($"http://127.0.0.1:{controller.Daemon.ApiPort}/");

        await Assertions.Expect(tab.Page.Locator("#token-reason")).ToHaveTextAsync("Unauthorized: a bearer token is required.");
        await tab.Page.FillAsync("#token", ViewerAccess.Token);
        await tab.Page.ClickAsync("#token-form button");

        await AttachedAsync(tab.Page, "g.node.process[data-id='nfv:1']", Patience);
        await Assertions.Expect(tab.Page.Locator("section.host .stream")).ToHaveTextAsync("live", new() { Timeout = Patience });
        await Assertions.Expect(tab.Page.Locator("#token-form")).ToBeHiddenAsync();
        Assert.Equal(ViewerAccess.Token, await tab.Page.EvaluateAsync<string>("sessionStorage.getItem('spp-ctl.token')"));
    }

    private sealed record Demo(ChildDaemon Daemon, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Daemon.DisposeAsync();
        }
    }

    private static Task<Demo> DemoAsync() => DemoAsync((FreePort.Next(), FreePort.Next(), FreePort.Next()));

    private static async Task<Demo> DemoAsync((int Primary, int Secondary, int Api) ports)
    {
        var daemon = await ChildDaemon.StartAsync(ports.Primary, ports.Secondary, ports.Api, "--demo");
        var http = daemon.Client();
        await Eventually.HoldsAsync(async () => await http.GetStringAsync("/v1/processes") == AllFive, "all five listed");
        return new Demo(daemon, http);
    }

    private async Task<BrowserTab> LiveTabAsync(ChildDaemon daemon)
    {
        var tab = await browser.OpenAsync(Url(daemon));
        await Assertions.Expect(tab.Page.Locator("section.host .stream")).ToHaveTextAsync("live", new() { Timeout = Patience });
        foreach (var process in Processes) await AttachedAsync(tab.Page, $"g.node.process[data-id='{process}']", Patience);
        return tab;
    }

    private static string Url(ChildDaemon daemon) => $"http://127.0.0.1:{daemon.ApiPort}/";

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static Task AttachedAsync(IPage page, string selector, float timeoutMs) =>
        page.Locator(selector).WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeoutMs });

    private static Task DetachedAsync(IPage page, string selector, float timeoutMs) =>
        page.Locator(selector).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = timeoutMs });
}
