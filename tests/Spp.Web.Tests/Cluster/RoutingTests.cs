using System.Net;
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
