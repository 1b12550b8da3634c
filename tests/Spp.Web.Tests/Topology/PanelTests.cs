using System.Text.Json;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Topology;

/// <summary>
/// <c>GET /</c> and <c>GET /topology/panel</c>: the page for browsers, the picture of every process as SVG, and
/// the API's rules for both.
/// </summary>
public sealed class PanelTests
{
    [Fact]
    public async Task A_browser_asking_for_slash_gets_the_page_built_into_the_daemon()
    {
        await using var controller = await Controller.StartAsync();
        var response = await controller.SendAsync("GET", "/", null, ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("""<script src="/topology/page.js" defer></script>""", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (int)(await controller.GetAsync("/topology/page.js")).StatusCode);
        Assert.Equal(200, (int)(await controller.GetAsync("/topology/page.css")).StatusCode);
    }

    [Fact]
    public async Task The_panel_draws_each_process_and_a_shared_ring_once_joining_them()
    {
        await using var controller = await Controller.StartAsync();
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await Expect.NoContentAsync(await controller.PutAsync("/v1/nfvs/1/ports", """{"action":"add","port":"ring:0"}"""));
        await Expect.NoContentAsync(await controller.PutAsync("/v1/nfvs/1/patches", """{"src":"phy:0","dst":"ring:0"}"""));
        await Expect.NoContentAsync(await controller.PostAsync("/v1/vfs/2/components", """{"name":"fwd1","core":2,"type":"forward"}"""));
        await Expect.NoContentAsync(await controller.PutAsync("/v1/vfs/2/components/fwd1/ports", """{"action":"attach","port":"ring:0","dir":"rx"}"""));

        var svg = await SvgAsync(controller);

        Assert.Contains("""<g class="node process nfv idling" data-id="nfv:1">""", svg);
        Assert.Contains("""<g class="node process vf" data-id="vf:2">""", svg);
        Assert.Contains("""<g class="node component" data-id="vf:2/fwd1">""", svg);
        Assert.Single(Occurrences(svg, """data-id="ring:0">"""));
        Assert.Contains("""<g class="edge has" data-from="nfv:1" data-to="ring:0" data-owner="nfv:1">""", svg);
        Assert.DoesNotContain("""<g class="edge has" data-from="vf:2" data-to="ring:0" """, svg);
        Assert.Contains("""<g class="edge patch" data-from="phy:0" data-to="ring:0" data-owner="nfv:1">""", svg);
        Assert.Contains("""<g class="edge flow" data-from="ring:0" data-to="vf:2/fwd1" data-owner="vf:2">""", svg);
    }

    [Fact]
    public async Task The_panel_shows_the_primary_counters_and_the_pcap_capture_state()
    {
        await using var controller = await Controller.StartAsync();
        await controller.ConnectAsync(EmulatedKind.Primary);
        await controller.ConnectAsync(EmulatedKind.Pcap, 4);

        var svg = await SvgAsync(controller);

        Assert.Contains(">phy:0</tspan>", svg);
        Assert.Contains(">rx 0 tx 0 tx_drop 0</tspan>", svg);
        Assert.Contains(">capture idle</tspan>", svg);
        Assert.Contains("""<g class="edge flow" data-from="phy:0" data-to="pcap:4" data-owner="pcap:4">""", svg);
    }

    [Fact]
    public async Task A_process_that_does_not_answer_is_drawn_with_the_apis_error_and_the_others_as_usual()
    {
        await using var controller = await Controller.StartAsync(commandTimeout: TimeSpan.FromMilliseconds(300));
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        nfv.Faults.HangAfterCommands = 0;

        var svg = await SvgAsync(controller);

        Assert.Contains("""<g class="node process nfv unavailable" data-id="nfv:1">""", svg);
        Assert.Contains(">timeout: nfv:1: no reply within 0.3 s</tspan>", svg);
        Assert.Contains("""<g class="node process vf" data-id="vf:2">""", svg);
    }

    [Fact]
    public async Task With_access_control_the_page_is_served_without_a_token_and_the_panel_needs_one()
    {
        await using var controller = await Controller.StartAsync(configuration: ViewerAccess.Settings);
        var page = await controller.SendAsync("GET", "/", null, ("Accept", "text/html"));
        Assert.Equal(200, (int)page.StatusCode);
        await Expect.ErrorAsync(await controller.GetAsync("/topology/panel"), 401, "Unauthorized: a bearer token is required.");
        var panel = await controller.SendAsync("GET", "/topology/panel", null, ("Authorization", $"Bearer {ViewerAccess.Token}"));
        Assert.Equal(200, (int)panel.StatusCode);
    }

    private static async Task<string> SvgAsync(Controller controller)
    {
        using var panel = JsonDocument.Parse(await controller.GetStringAsync("/topology/panel"));
        return panel.RootElement.GetProperty("svg").GetString()!;
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            yield return at;
    }
}
