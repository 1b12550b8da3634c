using System.Text.Json;
using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

/// <summary>A daemon without a cluster is the one host of its own API.</summary>
public sealed class SingleHostTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        await controller.ConnectDemoAsync();
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    [Fact]
    public async Task Hosts_is_this_host_alone_named_after_the_machine()
    {
        var hosts = await Expect.JsonElementAsync(await controller.GetAsync("/v1/hosts"));
        var self = Assert.Single(hosts.EnumerateArray());
        Assert.Equal(HostNames.Default(), self.GetProperty("host").GetString());
        Assert.Equal($"127.0.0.1:{controller.Daemon.ApiPort}", self.GetProperty("address").GetString());
        Assert.Equal("up", self.GetProperty("status").GetString());
        Assert.True(self.GetProperty("self").GetBoolean());
        Assert.Equal(5, self.GetProperty("processes").GetInt32());
    }

    [Fact]
    public async Task Its_own_routes_under_its_name_answer_as_the_plain_ones()
    {
        var name = HostNames.Default();
        Assert.Equal(await controller.GetStringAsync("/v1/processes"), await controller.GetStringAsync($"/v1/hosts/{name}/processes"));
        var plain = await controller.GetAsync("/v1/nfvs/1");
        var named = await controller.GetAsync($"/v1/hosts/{name}/nfvs/1");
        Assert.Equal(plain.Headers.ETag, named.Headers.ETag);
        await Expect.ErrorAsync(await controller.PutAsync($"/v1/hosts/{name}/nfvs/1/forward", """{"action":"x"}"""), 400,
            "invalid key(action): x.");
        await Expect.ErrorAsync(await controller.GetAsync("/v1/hosts/elsewhere/nfvs/1"), 404, "host elsewhere not found.");
    }
}
