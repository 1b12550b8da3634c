using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

/// <summary>GET /v1/events on a member of the cluster: the hosts coming and going, and with ?hosts=all every host's process events.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HostEventsTests(HostsFixture hosts) : IClassFixture<HostsFixture>
{
    private static readonly TimeSpan Membership = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_command_on_c_reaches_the_every_host_stream_of_a_with_its_host_and_not_the_plain_one()
    {
        await using var everyHost = await EventStream.OpenAsync(hosts["a"], "/v1/events?hosts=all");
        await using var plain = await EventStream.OpenAsync(hosts["a"]);

        await Expect.NoContentAsync(await hosts["c"].PutAsync("/v1/nfvs/1/ports", """{"action":"add","port":"ring:2"}"""));
        var onC = (await everyHost.UntilAsync(e => e.Name == "command-applied"))[^1];
        Assert.Equal(("c", "nfv:1", "add ring:2", "success"), (onC.Text("host"), onC.Text("process"), onC.Text("command"), onC.Text("outcome")));
        Assert.True(DateTimeOffset.TryParse(onC.Text("time"), out _));

        // a's own command comes after c's on both streams: the plain one must reach it without c's on the way.
        await Expect.NoContentAsync(await hosts["a"].PutAsync("/v1/nfvs/1/ports", """{"action":"add","port":"ring:3"}"""));
        var onA = (await everyHost.UntilAsync(e => e.Name == "command-applied"))[^1];
        Assert.Equal(("a", "nfv:1", "add ring:3"), (onA.Text("host"), onA.Text("process"), onA.Text("command")));
        Assert.True(long.Parse(onA.Id!) > long.Parse(onC.Id!));

        var seen = await plain.UntilAsync(e => e.Name == "command-applied");
        Assert.Equal("add ring:3", seen[^1].Text("command"));
        Assert.All(seen.Where(e => !e.Name.StartsWith("host-", StringComparison.Ordinal)), e => Assert.False(e.Data.TryGetProperty("host", out _), $"host in the plain stream's {e}"));
    }

    [Fact]
    public async Task Hosts_takes_all_only()
    {
        await Expect.ErrorAsync(await hosts["a"].GetAsync("/v1/events?hosts=x"), 400, """invalid key(hosts): x; only "all" is accepted.""");
        await Expect.ErrorAsync(await hosts["a"].GetAsync("/v1/events?hosts="), 400, """invalid key(hosts): ; only "all" is accepted.""");
    }

    [Fact]
    public async Task A_fourth_host_is_reported_up_when_it_joins_and_left_when_it_stops()
    {
        await using var stream = await EventStream.OpenAsync(hosts["a"]);
        var d = await Controller.StartAsync(tune: o => o with
        {
            Cluster = new ClusterSettings { Port = FreePort.Next(), HostName = "d", Seeds = [$"127.0.0.1:{hosts.ClusterPorts["a"]}"] },
        });
        try
        {
            // Joining takes a few gossip rounds: wait for it where a lists its hosts, then read what the stream got meanwhile.
            await Eventually.HoldsAsync(async () => (await hosts["a"].GetStringAsync("/v1/hosts")).Contains("\"host\":\"d\""), "d listed on a", Membership);
            var up = (await stream.UntilAsync(e => e.Name == "host-up" && e.Text("host") == "d"))[^1];
            Assert.StartsWith("127.0.0.1:", up.Text("address"));
        }
        finally
        {
            await d.DisposeAsync();
        }
        await Eventually.HoldsAsync(async () => !(await hosts["a"].GetStringAsync("/v1/hosts")).Contains("\"host\":\"d\""), "d gone from a", Membership);
        var left = (await stream.UntilAsync(e => e.Name == "host-left" && e.Text("host") == "d"))[^1];
        Assert.StartsWith("127.0.0.1:", left.Text("address"));
    }
}
