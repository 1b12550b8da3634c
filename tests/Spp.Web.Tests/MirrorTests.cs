using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.5: the spp_mirror endpoints, against an emulated spp_mirror 3.</summary>
public sealed class MirrorTests() : ProcessTestBase(EmulatedKind.Mirror, 3)
{
    [Fact]
    public async Task Status_is_converted_without_a_classifier_table()
    {
        var status = await Expect.JsonElementAsync(await Controller.GetAsync("/v1/mirrors/3"));
        Assert.Equal(3, status.GetProperty("client-id").GetInt32());
        Assert.Equal(1, status.GetProperty("master-lcore").GetInt32());
        Assert.False(status.TryGetProperty("classifier_table", out _));
    }

    [Fact]
    public async Task Component_start_sends_the_mirror_type() =>
        await SendsAsync(["status", "component start mr1 2 mirror"],
            () => Controller.PostAsync("/v1/mirrors/3/components", """{"name":"mr1","core":2,"type":"mirror"}"""));

    [Theory]
    [InlineData("""{"name":"mr1","core":2,"type":"forward"}""", "invalid key(type): forward.")]
    [InlineData("""{"name":"mr1","core":2,"type":"classifier_mac"}""", "invalid key(type): classifier_mac.")]
    public async Task Component_start_accepts_only_mirror(string body, string message) =>
        await RejectsAsync(message, () => Controller.PostAsync("/v1/mirrors/3/components", body));

    [Fact]
    public async Task Ports_ignores_vlan()
    {
        await Controller.PostAsync("/v1/mirrors/3/components", """{"name":"mr1","core":2,"type":"mirror"}""");
        await SendsAsync(["port add ring:1 rx mr1"],
            () => Controller.PutAsync("/v1/mirrors/3/components/mr1/ports", """{"action":"attach","port":"ring:1","dir":"rx","vlan":{"operation":"add","id":"x"}}"""));
        await SendsAsync(["port del ring:1 rx mr1"],
            () => Controller.PutAsync("/v1/mirrors/3/components/mr1/ports", """{"action":"detach","port":"ring:1","dir":"rx"}"""));
    }

    [Fact]
    public async Task Component_stop_sends_component_stop() =>
        await SendsAsync(["component stop mr1"], () => Controller.DeleteAsync("/v1/mirrors/3/components/mr1"));

    [Fact]
    public async Task There_is_no_classifier_table_and_no_2018_route()
    {
        await Expect.ErrorAsync(await Controller.PutAsync("/v1/mirrors/3/classifier_table", "{}"), 404, "Not found: '/v1/mirrors/3/classifier_table'");
        var response = await Controller.PutAsync("/v1/mirrors/3/components/mr1", "{}");
        await Expect.ErrorAsync(response, 405, "Method not allowed.");
        Assert.Equal(["DELETE"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Delete_sends_exit() => await SendsAsync(["exit"], () => Controller.DeleteAsync("/v1/mirrors/3"));
}
