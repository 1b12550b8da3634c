using System.Net;
using Spp.Emulator;
using Spp.Web.Hosting;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>Bearer tokens with the viewer and operator roles, the refusal of an open API off loopback, allowed SPP peers.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private const string AliceToken = "alice-token-0123456789";
    private const string VictorToken = "victor-token-0123456789";

    private static readonly Dictionary<string, string?> Tokens = new()
    {
        ["Access:Tokens:0:Name"] = "alice",
        ["Access:Tokens:0:Token"] = AliceToken,
        ["Access:Tokens:0:Role"] = "operator",
        ["Access:Tokens:1:Name"] = "victor",
        ["Access:Tokens:1:Token"] = VictorToken,
        ["Access:Tokens:1:Role"] = "viewer",
    };

    private Controller controller = null!;
    private EmulatedProcess nfv = null!;

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync(configuration: Tokens);
        nfv = controller.Start(EmulatedKind.Nfv, 1);
        controller.Start(EmulatedKind.Vf, 2);
        controller.Start(EmulatedKind.Primary);
        await Eventually.HoldsAsync(async () =>
        {
            var listing = await (await Send("GET", "/v1/processes", AliceToken)).Content.ReadAsStringAsync();
            return listing.Split("\"type\"").Length == 4;
        }, "three processes listed");
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private Task<HttpResponseMessage> Send(string method, string path, string? token, string? body = null) =>
        token is null
            ? controller.SendAsync(method, path, body, [])
            : controller.SendAsync(method, path, body, ("Authorization", $"Bearer {token}"));

    public static readonly TheoryData<string, string, string?> EveryEndpointClass = new()
    {
        { "GET", "/v1/processes", null },
        { "GET", "/v1/cpu_usage", null },
        { "GET", "/v1/primary/status", null },
        { "GET", "/v1/nfvs/1", null },
        { "GET", "/v1/vfs/2", null },
        { "GET", "/v1/audit", null },
        { "GET", "/v1/events", null },
        { "PUT", "/v1/nfvs/1/forward", """{"action":"start"}""" },
        { "PUT", "/v1/primary/forward", """{"action":"start"}""" },
        { "POST", "/v1/vfs/2/components", """{"name":"fwd1","core":2,"type":"forward"}""" },
        { "DELETE", "/v1/nfvs/1/patches", null },
        { "DELETE", "/v1/nfvs/1", null },
        { "GET", "/v1/bogus", null },
    };

    public static readonly TheoryData<string, string, string?> EveryChange = new()
    {
        { "PUT", "/v1/nfvs/1/forward", """{"action":"start"}""" },
        { "PUT", "/v1/primary/forward", """{"action":"start"}""" },
        { "POST", "/v1/vfs/2/components", """{"name":"fwd1","core":2,"type":"forward"}""" },
        { "POST", "/v1/primary/flow_rules/port_id/0/validate", """{"rule":{"direction":"ingress","pattern":["end"],"actions":["end"]}}""" },
        { "DELETE", "/v1/nfvs/1/patches", null },
        { "DELETE", "/v1/nfvs/1", null },
        { "DELETE", "/v1/primary/status", null },
    };

    [Theory]
    [MemberData(nameof(EveryEndpointClass))]
    public async Task Without_a_token_every_endpoint_is_401_and_asks_for_a_bearer_token(string method, string path, string? body)
    {
        var sent = await Sent.DuringAsync(nfv, async () =>
        {
            var response = await Send(method, path, null, body);
            await Expect.ErrorAsync(response, 401, "Unauthorized: a bearer token is required.");
            Assert.Equal("Bearer realm=\"spp-ctl\"", response.Headers.WwwAuthenticate.ToString());
        });
        Assert.Empty(sent);
    }

    [Theory]
    [MemberData(nameof(EveryEndpointClass))]
    public async Task An_unknown_token_is_401_invalid_token(string method, string path, string? body)
    {
        var response = await Send(method, path, "mallory-token-0123456789", body);
        await Expect.ErrorAsync(response, 401, "Unauthorized: the bearer token is not valid.");
        Assert.Equal("Bearer realm=\"spp-ctl\", error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData(AliceToken)]
    public async Task Anything_but_a_bearer_token_is_no_token(string authorization)
    {
        var response = await controller.SendAsync("GET", "/v1/processes", null, ("Authorization", authorization));
        await Expect.ErrorAsync(response, 401, "Unauthorized: a bearer token is required.");
    }

    [Theory]
    [InlineData("/v1/processes")]
    [InlineData("/v1/cpu_usage")]
    [InlineData("/v1/primary/status")]
    [InlineData("/v1/nfvs/1")]
    [InlineData("/v1/vfs/2")]
    [InlineData("/v1/audit")]
    public async Task A_viewer_may_read(string path) =>
        await Expect.JsonAsync(await Send("GET", path, VictorToken));

    [Fact]
    public async Task A_viewer_may_follow_the_events()
    {
        await using var stream = await EventStream.OpenAsync(controller, ("Authorization", $"Bearer {VictorToken}"));
        await Expect.NoContentAsync(await Send("PUT", "/v1/nfvs/1/forward", AliceToken, """{"action":"start"}"""));
        var applied = await stream.UntilAsync(e => e.Name == "command-applied");
        Assert.Equal("alice", applied[^1].Text("operator"));
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public async Task A_viewer_may_change_nothing_and_nothing_is_sent(string method, string path, string? body)
    {
        var sent = await Sent.DuringAsync(nfv, async () =>
            await Expect.ErrorAsync(await Send(method, path, VictorToken, body), 403, "Forbidden: victor has the viewer role, which may only GET."));
        Assert.Empty(sent);
        Assert.Empty((await Expect.JsonElementAsync(await Send("GET", "/v1/audit", AliceToken))).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public async Task An_operator_may_change_anything(string method, string path, string? body)
    {
        var response = await Send(method, path, AliceToken, body);
        Assert.True((int)response.StatusCode is 200 or 204, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_token_name_is_the_operator_whatever_X_SPP_Operator_says()
    {
        await Expect.NoContentAsync(await controller.SendAsync("PUT", "/v1/nfvs/1/forward", """{"action":"start"}""",
            ("Authorization", $"Bearer {AliceToken}"), ("X-SPP-Operator", "mallory")));
        var entry = Assert.Single((await Expect.JsonElementAsync(await Send("GET", "/v1/audit", VictorToken))).EnumerateArray());
        Assert.Equal("alice", entry.GetProperty("operator").GetString());
        Assert.Contains(controller.Logs.Events, e => e.Properties.TryGetValue("Operator", out var o) && o.ToString() == "\"alice\""
            && e.Properties["Command"].ToString() == "\"forward\"");
    }

    [Fact]
    public async Task Routing_stays_exact_for_callers_with_a_token()
    {
        await Expect.ErrorAsync(await Send("GET", "/v1/bogus", VictorToken), 404, "Not found: '/v1/bogus'");
        await Expect.ErrorAsync(await Send("POST", "/v1/processes", VictorToken, "{}"), 405, "Method not allowed.");
        await Expect.ErrorAsync(await Send("DELETE", "/v1/audit", AliceToken), 405, "Method not allowed.");
    }

    [Theory]
    [InlineData("Access:Tokens:0:Role", "admin", "Access:Tokens:0:Role must be viewer or operator, not 'admin'")]
    [InlineData("Access:Tokens:0:Token", "short", "Access:Tokens:0:Token must be at least 16 printable ASCII characters without spaces")]
    [InlineData("Access:Tokens:0:Name", "", "Access:Tokens:0:Name must be 1 to 64 printable ASCII characters")]
    [InlineData("Access:Tokens:1:Token", AliceToken, "Access:Tokens:1:Token is the same as an earlier token")]
    [InlineData("Access:ProcessPeers:0", "10.0.0.0/99", "Access:ProcessPeers:0 must be an IP address or a network such as 10.0.0.0/24, not '10.0.0.0/99'")]
    public async Task A_bad_access_setting_refuses_to_start_and_names_the_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Tokens) { [key] = value };
        var error = await Assert.ThrowsAsync<StartRefusedException>(() => Controller.StartAsync(configuration: settings));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task An_API_on_a_non_loopback_address_without_tokens_is_refused()
    {
        var options = new DaemonOptions { BindAddress = IPAddress.Any, PrimaryPort = 0, SecondaryPort = 0, ApiPort = 0 };
        var error = await Assert.ThrowsAsync<StartRefusedException>(() => Daemon.StartAsync(options, new CollectingSink().Logger()));
        Assert.StartsWith("refusing to serve the REST API on 0.0.0.0 without access tokens", error.Message);
        Assert.Contains("--allow-anonymous", error.Message);
    }

    [Fact]
    public async Task The_command_refuses_a_non_loopback_address_without_tokens_with_a_non_zero_status()
    {
        // Free ports, so that only the refusal can make it stop at once.
        var ports = FreePorts(3);
        var status = await DaemonProgram.RunAsync(["-b", "0.0.0.0", "-p", ports[0], "-s", ports[1], "-a", ports[2]]).WaitAsync(Controller.Patience);
        Assert.Equal(1, status);
    }

    private static string[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Any, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port.ToString()).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    [Fact]
    public async Task A_non_loopback_address_is_served_with_tokens_or_with_allow_anonymous()
    {
        var options = new DaemonOptions { BindAddress = IPAddress.Any, PrimaryPort = 0, SecondaryPort = 0, ApiPort = 0 };
        await using (await Daemon.StartAsync(options, new CollectingSink().Logger(), Tokens)) { }
        await using (await Daemon.StartAsync(options with { AllowAnonymous = true }, new CollectingSink().Logger())) { }
        Assert.True(CommandLine.Parse(["--allow-anonymous"])!.AllowAnonymous);
        Assert.False(CommandLine.Parse([])!.AllowAnonymous);
    }

    [Fact]
    public async Task Processes_from_peers_outside_the_allowed_list_are_closed_and_logged()
    {
        await using var guarded = await Controller.StartAsync(configuration: new Dictionary<string, string?> { ["Access:ProcessPeers:0"] = "192.0.2.0/24" });
        await using var stream = await EventStream.OpenAsync(guarded);
        guarded.Start(EmulatedKind.Nfv, 1);
        var refused = await stream.NextAsync();
        Assert.Equal(("refused", "secondary", "not an allowed peer"), (refused!.Name, refused.Text("port"), refused.Text("reason")));
        Assert.Contains(guarded.Logs.Events, e => e.RenderMessage().Contains("refused: not an allowed peer"));
        Assert.Equal("[]", await guarded.GetStringAsync("/v1/processes"));
    }

    [Fact]
    public async Task Processes_from_allowed_peers_are_served()
    {
        await using var guarded = await Controller.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["Access:ProcessPeers:0"] = "192.0.2.7",
            ["Access:ProcessPeers:1"] = "127.0.0.0/8",
        });
        await guarded.ConnectAsync(EmulatedKind.Nfv, 1);
        await Expect.JsonAsync(await guarded.GetAsync("/v1/nfvs/1"));
    }
}
