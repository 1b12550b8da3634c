using System.Diagnostics;
using System.Net;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Spp.Actors.Hosts;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class HostRoutingTests(HostsFixture hosts) : IClassFixture<HostsFixture>
{
    [Fact]
    public async Task Hosts_lists_the_three_by_name_with_self_marked()
    {
        var body = await hosts["b"].GetStringAsync("/v1/hosts");
        Assert.Matches("""^\[\{"host":"a","address":"127.0.0.1:\d+","status":"up","self":false,"processes":5\},\{"host":"b",[^}]*"self":true[^}]*\},\{"host":"c",""", body);
    }

    [Fact]
    public async Task A_command_sent_through_a_to_a_process_of_c_is_applied_once_on_c()
    {
        var nfvOfC = hosts.Processes["c"].Single(p => p.Kind == EmulatedKind.Nfv);
        var nfvOfA = hosts.Processes["a"].Single(p => p.Kind == EmulatedKind.Nfv);
        var sentOnA = Sent.Commands(nfvOfA).Count;
        Assert.DoesNotContain("ring:1", await hosts["b"].GetStringAsync("/v1/hosts/c/nfvs/1"));
        var sent = await Sent.DuringAsync(nfvOfC, async () =>
        {
            await Expect.NoContentAsync(await hosts["a"].PutAsync("/v1/hosts/c/nfvs/1/ports", """{"action":"add","port":"ring:1"}"""));
        });
        Assert.Equal(["add ring:1"], sent);
        Assert.Equal(sentOnA, Sent.Commands(nfvOfA).Count);
        var status = await hosts["b"].GetStringAsync("/v1/hosts/c/nfvs/1");
        Assert.Contains("ring:1", status);
    }

    [Fact]
    public async Task A_bad_body_for_a_remote_process_is_refused_where_it_came_in()
    {
        var nfvOfC = hosts.Processes["c"].Single(p => p.Kind == EmulatedKind.Nfv);
        var sent = await Sent.DuringAsync(nfvOfC, async () =>
        {
            await Expect.ErrorAsync(await hosts["a"].PutAsync("/v1/hosts/c/nfvs/1/ports", """{"action":"add","port":"phy:0"}"""),
                400, "invalid key(port): phy:0.");
        });
        Assert.Empty(sent);
    }

    [Fact]
    public async Task A_hung_process_on_c_times_out_within_its_bound_as_seen_from_a()
    {
        var hung = await hosts["c"].ConnectAsync(EmulatedKind.Nfv, 9, Controller.FastEmulator with { RetryInterval = TimeSpan.FromHours(1) });
        await Eventually.HoldsAsync(async () => (await hosts["a"].GetAsync("/v1/hosts/c/nfvs/9")).IsSuccessStatusCode, "a sees nfv 9 of c");
        hung.Faults.HangAfterCommands = 0;

        var clock = Stopwatch.StartNew();
        await Expect.ErrorAsync(await hosts["a"].GetAsync("/v1/hosts/c/nfvs/9"), 500, "timeout: nfv:9: no reply within 2 s");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        await Expect.JsonAsync(await hosts["a"].GetAsync("/v1/hosts/c/nfvs/1"));
    }

    [Fact]
    public async Task The_owner_audits_a_routed_change_naming_the_operator_where_it_came_in()
    {
        await Expect.NoContentAsync(await hosts["b"].SendAsync("PUT", "/v1/hosts/c/nfvs/1/forward", """{"action":"start"}""",
            ("X-SPP-Operator", "alice")));
        var audit = await hosts["c"].GetStringAsync("/v1/audit");
        Assert.Contains("\"operator\":\"alice\"", audit);
        Assert.Contains("forward", audit);
        Assert.DoesNotContain("alice", await hosts["b"].GetStringAsync("/v1/audit"));
    }

    [Fact]
    public async Task If_match_is_checked_by_the_owner_against_its_own_status()
    {
        var nfvOfC = hosts.Processes["c"].Single(p => p.Kind == EmulatedKind.Nfv);
        var tag = (await hosts["a"].GetAsync("/v1/hosts/c/nfvs/1")).Headers.ETag!.ToString();
        var sent = await Sent.DuringAsync(nfvOfC, async () =>
        {
            var stale = await hosts["b"].SendAsync("PUT", "/v1/hosts/c/nfvs/1/forward", """{"action":"stop"}""", ("If-Match", "\"stale\""));
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Equal(tag, stale.Headers.ETag!.ToString());
            await Expect.NoContentAsync(await hosts["b"].SendAsync("PUT", "/v1/hosts/c/nfvs/1/forward", """{"action":"stop"}""", ("If-Match", tag)));
        });
        Assert.Equal(["status", "status", "stop"], sent);
        await Expect.ErrorAsync(await hosts["a"].SendAsync("PUT", "/v1/hosts/c/nfvs/1/forward", """{"action":"stop"}""", ("If-Match", "no quotes")),
            400, "invalid header(If-Match): no quotes.");
    }

    [Theory]
    [InlineData("processes")]
    [InlineData("cpu_usage")]
    [InlineData("cpu_layout")]
    [InlineData("primary/status")]
    [InlineData("vfs/2")]
    public async Task A_route_of_c_through_a_answers_what_c_answers(string route)
    {
        var own = await hosts["c"].GetAsync($"/v1/{route}");
        var routed = await hosts["a"].GetAsync($"/v1/hosts/c/{route}");
        Assert.Equal(own.StatusCode, routed.StatusCode);
        Assert.Equal(await own.Content.ReadAsStringAsync(), await routed.Content.ReadAsStringAsync());
        Assert.Equal(own.Content.Headers.ContentType, routed.Content.Headers.ContentType);
    }

    [Fact]
    public void Every_message_between_hosts_has_the_hosts_serializer()
    {
        var serialization = hosts["a"].Daemon.Services.GetRequiredService<ActorSystem>().Serialization;
        IHostMessage[] messages =
        [
            new HostCall("GET", "/v1/processes", new Dictionary<string, string>(), new Dictionary<string, string>(), [], "op"),
            new HostAnswer(200, [], null), new HostProcesses("a", []), new HostEvent("a", "connected", "{}"),
        ];
        foreach (var message in messages) Assert.IsType<HostMessageSerializer>(serialization.FindSerializerFor(message));
    }

    [Fact]
    public async Task Unknown_host_is_404()
    {
        var response = await hosts["a"].GetAsync("/v1/hosts/zz/processes");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("host zz not found.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_remote_status_has_the_etag_its_owner_gives()
    {
        var own = await hosts["c"].GetAsync("/v1/nfvs/1");
        var routed = await hosts["a"].GetAsync("/v1/hosts/c/nfvs/1");
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        Assert.Equal(own.Headers.ETag, routed.Headers.ETag);
        Assert.Equal(await own.Content.ReadAsStringAsync(), await routed.Content.ReadAsStringAsync());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
