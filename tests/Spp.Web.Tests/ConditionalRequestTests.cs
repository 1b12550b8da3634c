using System.Text;
using Spp.Emulator;
using Spp.Protocol;
using Spp.Web.Api;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>
/// ETag on the GET of a process, If-Match on the requests that change it: checked by the process actor in the same
/// turn as the command, so a stale change is refused with 412 and never sent.
/// </summary>
public sealed class ConditionalRequestTests : IAsyncLifetime
{
    private Controller controller = null!;
    private EmulatedProcess nfv = null!;

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private async Task<string> ETagAsync(string path)
    {
        var response = await controller.GetAsync(path);
        await Expect.JsonAsync(response);
        var tag = response.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        return tag.Tag;
    }

    private Task<HttpResponseMessage> AddPort(string port, string? ifMatch, string? operatorName = null)
    {
        var headers = new List<(string, string)>();
        if (ifMatch is not null) headers.Add(("If-Match", ifMatch));
        if (operatorName is not null) headers.Add(("X-SPP-Operator", operatorName));
        return controller.SendAsync("PUT", "/v1/nfvs/1/ports", $$"""{"action":"add","port":"{{port}}"}""", [.. headers]);
    }

    [Theory]
    [InlineData(EmulatedKind.Primary, 0, "/v1/primary/status")]
    [InlineData(EmulatedKind.Nfv, 1, "/v1/nfvs/1")]
    [InlineData(EmulatedKind.Vf, 2, "/v1/vfs/2")]
    [InlineData(EmulatedKind.Mirror, 3, "/v1/mirrors/3")]
    [InlineData(EmulatedKind.Pcap, 4, "/v1/pcaps/4")]
    public async Task The_GET_of_every_process_has_a_strong_ETag_that_stays_while_nothing_changes(EmulatedKind kind, int id, string path)
    {
        if (kind != EmulatedKind.Nfv) await controller.ConnectAsync(kind, id);
        var tag = await ETagAsync(path);
        Assert.Matches("^\"[0-9a-f]{16}\"$", tag);
        Assert.Equal(tag, await ETagAsync(path));
    }

    [Fact]
    public async Task A_change_gives_a_new_ETag()
    {
        var before = await ETagAsync("/v1/nfvs/1");
        await Expect.NoContentAsync(await AddPort("ring:0", null));
        Assert.NotEqual(before, await ETagAsync("/v1/nfvs/1"));
    }

    [Fact]
    public async Task A_matching_If_Match_reads_status_and_sends_the_command_right_after()
    {
        var tag = await ETagAsync("/v1/nfvs/1");
        var sent = await Sent.DuringAsync(nfv, async () => await Expect.NoContentAsync(await AddPort("ring:0", tag)));
        Assert.Equal(["status", "add ring:0"], sent);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_with_the_current_ETag_and_the_command_is_never_sent()
    {
        var stale = await ETagAsync("/v1/nfvs/1");
        await Expect.NoContentAsync(await AddPort("ring:0", null));
        var current = await ETagAsync("/v1/nfvs/1");

        HttpResponseMessage response = null!;
        var sent = await Sent.DuringAsync(nfv, async () => response = await AddPort("ring:1", stale));
        await Expect.ErrorAsync(response, 412, "Precondition Failed: the status of nfv:1 does not match If-Match; the command was not sent.");
        Assert.Equal(current, response.Headers.ETag?.Tag);
        Assert.Equal(["status"], sent);
    }

    [Fact]
    public async Task Any_of_several_listed_ETags_may_match()
    {
        var tag = await ETagAsync("/v1/nfvs/1");
        await Expect.NoContentAsync(await AddPort("ring:0", $"\"0000000000000000\", {tag}"));
    }

    [Fact]
    public async Task If_Match_star_matches_any_existing_process_without_reading_its_status()
    {
        var sent = await Sent.DuringAsync(nfv, async () => await Expect.NoContentAsync(await AddPort("ring:0", "*")));
        Assert.Equal(["add ring:0"], sent);
        await Expect.ErrorAsync(await controller.SendAsync("PUT", "/v1/nfvs/7/forward", """{"action":"start"}""", ("If-Match", "*")), 404, "sec_id 7 not found.");
    }

    [Fact]
    public async Task Without_If_Match_nothing_changes()
    {
        var sent = await Sent.DuringAsync(nfv, async () => await Expect.NoContentAsync(await AddPort("ring:0", null)));
        Assert.Equal(["add ring:0"], sent);
    }

    [Fact]
    public async Task A_weak_ETag_never_matches()
    {
        var tag = await ETagAsync("/v1/nfvs/1");
        var sent = await Sent.DuringAsync(nfv, async () => Assert.Equal(412, (int)(await AddPort("ring:0", "W/" + tag)).StatusCode));
        Assert.Equal(["status"], sent);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"unterminated")]
    [InlineData(",")]
    public async Task A_malformed_If_Match_is_400_and_nothing_is_sent(string header)
    {
        var sent = await Sent.DuringAsync(nfv, async () =>
            await Expect.ErrorAsync(await AddPort("ring:0", header), 400, $"invalid header(If-Match): {header}."));
        Assert.Empty(sent);
    }

    [Fact]
    public async Task If_Match_on_a_GET_is_ignored()
    {
        var response = await controller.SendAsync("GET", "/v1/nfvs/1", null, ("If-Match", "\"0000000000000000\""));
        await Expect.JsonAsync(response);
    }

    [Fact]
    public async Task Two_operators_racing_with_the_same_ETag_one_wins_the_other_gets_412_and_nothing_is_sent_for_it()
    {
        for (var round = 0; round < 5; round++)
        {
            var tag = await ETagAsync("/v1/nfvs/1");
            var alicePort = $"vhost:{2 * round}";
            var bobPort = $"vhost:{2 * round + 1}";
            var before = Sent.Commands(nfv).Count;

            var answers = await Task.WhenAll(AddPort(alicePort, tag, "alice"), AddPort(bobPort, tag, "bob"));

            var codes = answers.Select(a => (int)a.StatusCode).ToList();
            Assert.Equal([204, 412], codes.Order());
            var winner = codes[0] == 204 ? alicePort : bobPort;
            var loser = codes[0] == 204 ? bobPort : alicePort;
            Assert.Equal(["status", $"add {winner}", "status"], Sent.Commands(nfv).Skip(before));
            Assert.DoesNotContain($"add {loser}", Sent.Commands(nfv));
        }
    }

    [Fact]
    public async Task On_vf_If_Match_and_the_master_lcore_check_share_one_status_read()
    {
        var vf = await controller.ConnectAsync(EmulatedKind.Vf, 2);
        var tag = await ETagAsync("/v1/vfs/2");
        var start = (string body) => controller.SendAsync("POST", "/v1/vfs/2/components", body, ("If-Match", tag));

        var sent = await Sent.DuringAsync(vf, async () =>
            await Expect.ErrorAsync(await start("""{"name":"c2","core":1,"type":"merge"}"""), 400, "invalid key(core): 1."));
        Assert.Equal(["status"], sent);
        sent = await Sent.DuringAsync(vf, async () => await Expect.NoContentAsync(await start("""{"name":"fwd1","core":2,"type":"forward"}""")));
        Assert.Equal(["status", "component start fwd1 2 forward"], sent);
        sent = await Sent.DuringAsync(vf, async () => Assert.Equal(412, (int)(await start("""{"name":"fwd2","core":3,"type":"forward"}""")).StatusCode));
        Assert.Equal(["status"], sent);
    }

    [Theory]
    [InlineData(EmulatedKind.Primary, 0, "/v1/primary/status", "DELETE", "/v1/primary/patches", "patch reset")]
    [InlineData(EmulatedKind.Mirror, 3, "/v1/mirrors/3", "DELETE", "/v1/mirrors/3/components/mr1", "component stop mr1")]
    [InlineData(EmulatedKind.Pcap, 4, "/v1/pcaps/4", "PUT", "/v1/pcaps/4/capture", "start")]
    public async Task If_Match_guards_the_changes_of_every_process_type(EmulatedKind kind, int id, string statusPath, string method, string path, string command)
    {
        var process = await controller.ConnectAsync(kind, id);
        var tag = await ETagAsync(statusPath);
        var body = method == "PUT" ? """{"action":"start"}""" : null;
        var sent = await Sent.DuringAsync(process, async () =>
            Assert.Equal(412, (int)(await controller.SendAsync(method, path, body, ("If-Match", "\"0000000000000000\""))).StatusCode));
        Assert.Equal(["status"], sent);
        sent = await Sent.DuringAsync(process, async () => await controller.SendAsync(method, path, body, ("If-Match", tag)));
        Assert.Equal("status", sent[0]);
        Assert.StartsWith(command, sent[1]);
    }

    [Fact]
    public void The_primary_ETag_ignores_packet_counters_but_not_ports()
    {
        static byte[] Status(int rx, int tx, string rings) => Encoding.UTF8.GetBytes(
            $$"""{"master-lcore":0,"lcores":[0,1],"phy_ports":[{"id":0,"eth":"56:48:4f:53:54:00","rx":{{rx}},"tx":{{tx}},"tx_drop":0,"nof_queues":{"rx":1,"tx":1},"flow":[]}],"ring_ports":[{{rings}}],"pipes":[{"id":0,"rx":1,"tx":2}]}""");
        var idle = StatusTag.Of(ProcessId.Primary, Status(0, 0, """{"id":0,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0}"""));
        var busy = StatusTag.Of(ProcessId.Primary, Status(182734, 182730, """{"id":0,"rx":5,"rx_drop":1,"tx":9,"tx_drop":2}"""));
        var moreRings = StatusTag.Of(ProcessId.Primary, Status(0, 0, """{"id":0,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0},{"id":1,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0}"""));
        Assert.Equal(idle, busy);
        Assert.NotEqual(idle, moreRings);
    }

    [Fact]
    public void A_secondary_ETag_is_a_hash_of_its_exact_status_reply()
    {
        var nfv1 = new ProcessId(ProcessType.Nfv, 1);
        var a = StatusTag.Of(nfv1, Encoding.UTF8.GetBytes("""{"client-id":1,"status":"idling"}"""));
        var b = StatusTag.Of(nfv1, Encoding.UTF8.GetBytes("""{"client-id":1,"status":"running"}"""));
        Assert.NotEqual(a, b);
        Assert.Equal(a, StatusTag.Of(nfv1, Encoding.UTF8.GetBytes("""{"client-id":1,"status":"idling"}""")));
    }
}
