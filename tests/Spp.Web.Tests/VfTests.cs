using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.4: the spp_vf endpoints, against an emulated spp_vf 2 (master lcore 1, workers 2-5).</summary>
public sealed class VfTests() : ProcessTestBase(EmulatedKind.Vf, 2)
{
    private Task<HttpResponseMessage> StartComponent(string body) => Controller.PostAsync("/v1/vfs/2/components", body);

    private Task<HttpResponseMessage> Ports(string component, string body) => Controller.PutAsync($"/v1/vfs/2/components/{component}/ports", body);

    [Fact]
    public async Task Status_is_converted_from_the_worker_info()
    {
        var status = await Expect.JsonAsync(await Controller.GetAsync("/v1/vfs/2"));
        Assert.Equal("""{"client-id":2,"ports":["phy:0","phy:1"],"master-lcore":1,"components":[{"core":2,"type":"unuse"},{"core":3,"type":"unuse"},{"core":4,"type":"unuse"},{"core":5,"type":"unuse"}],"classifier_table":[]}""", status);
    }

    [Fact]
    public async Task Status_shows_components_ports_and_vlan_tags()
    {
        await StartComponent("""{"name":"fwd1","core":2,"type":"forward"}""");
        await Ports("fwd1", """{"action":"attach","port":"ring:0","dir":"rx","vlan":{}}""");
        await Ports("fwd1", """{"action":"attach","port":"vhost:1","dir":"tx","vlan":{"operation":"add","id":101,"pcp":3}}""");
        var status = await Expect.JsonElementAsync(await Controller.GetAsync("/v1/vfs/2"));
        Assert.Equal(["phy:0", "phy:1", "vhost:1", "ring:0"], status.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
        var component = status.GetProperty("components")[0];
        Assert.Equal("fwd1", component.GetProperty("name").GetString());
        Assert.Equal("add", component.GetProperty("tx_port")[0].GetProperty("vlan").GetProperty("operation").GetString());
        Assert.Equal(101, component.GetProperty("tx_port")[0].GetProperty("vlan").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Component_start_reads_status_first_then_starts() =>
        await SendsAsync(["status", "component start fwd1 2 forward"], () => StartComponent("""{"name":"fwd1","core":2,"type":"forward"}"""));

    [Fact]
    public async Task Classifier_mac_is_sent_as_classifier() =>
        await SendsAsync(["status", "component start c1 3 classifier"], () => StartComponent("""{"name":"c1","core":3,"type":"classifier_mac"}"""));

    [Fact]
    public async Task Component_start_on_the_master_lcore_is_refused_after_status()
    {
        var sent = await Sent.DuringAsync(Process, async () =>
            await Expect.ErrorAsync(await StartComponent("""{"name":"c2","core":1,"type":"merge"}"""), 400, "invalid key(core): 1."));
        Assert.Equal(["status"], sent);
    }

    [Theory]
    [InlineData("""{"name":"mg1","core":true,"type":"merge"}""", "invalid key(core): true.")]
    [InlineData("""{"name":"a b","core":3,"type":"merge"}""", "invalid key(name): a b.")]
    [InlineData("""{"name":"","core":3,"type":"merge"}""", "invalid key(name): .")]
    [InlineData("""{"name":"abcdefghijklmnopqrstuvwxyz012345","core":3,"type":"merge"}""", "invalid key(name): abcdefghijklmnopqrstuvwxyz012345.")]
    [InlineData("""{"name":"a\"b","core":3,"type":"merge"}""", "invalid key(name): a\"b.")]
    [InlineData("""{"name":"m","core":-1,"type":"merge"}""", "invalid key(core): -1.")]
    [InlineData("""{"name":"m","core":3.0,"type":"merge"}""", "invalid key(core): 3.0.")]
    [InlineData("""{"name":"m","core":"3","type":"merge"}""", "invalid key(core): 3.")]
    [InlineData("""{"name":"m","core":3,"type":"mirror"}""", "invalid key(type): mirror.")]
    [InlineData("""{"core":3,"type":"merge"}""", "key(name) required.")]
    [InlineData("""{"name":"m","type":"merge"}""", "key(core) required.")]
    [InlineData("""{"name":"m","core":3}""", "key(type) required.")]
    public async Task Component_start_validates_its_body(string body, string message) =>
        await RejectsAsync(message, () => StartComponent(body));

    [Fact]
    public async Task A_worker_error_reply_is_a_command_error() =>
        await Expect.ErrorAsync(await StartComponent("""{"name":"fwd9","core":9,"type":"forward"}"""), 400, "command error: error occur");

    [Fact]
    public async Task Component_stop_sends_component_stop() =>
        await SendsAsync(["component stop fwd1"], () => Controller.DeleteAsync("/v1/vfs/2/components/fwd1"));

    [Theory]
    [InlineData("a%2Fb", "a/b")]
    [InlineData("a%20b", "a b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345")]
    public async Task A_component_name_in_the_path_is_validated_after_decoding(string segment, string shown) =>
        await RejectsAsync($"invalid key(name): {shown}.", () => Controller.DeleteAsync($"/v1/vfs/2/components/{segment}"));

    [Theory]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"add","id":677,"pcp":0}}""", "port add vhost:1 rx fwd1 add_vlantag 677 0")]
    [InlineData("""{"action":"attach","port":"ring:1","dir":"tx","vlan":{"operation":"del"}}""", "port add ring:1 tx fwd1 del_vlantag")]
    [InlineData("""{"action":"attach","port":"ring:1","dir":"rx","vlan":{"operation":"none","id":5}}""", "port add ring:1 rx fwd1")]
    [InlineData("""{"action":"attach","port":"ring:1","dir":"rx","vlan":null}""", "port add ring:1 rx fwd1")]
    [InlineData("""{"action":"attach","port":"ring:1","dir":"rx"}""", "port add ring:1 rx fwd1")]
    [InlineData("""{"action":"attach","port":"phy:0nq1","dir":"rx","vlan":{}}""", "port add phy:0nq1 rx fwd1")]
    [InlineData("""{"action":"detach","port":"vhost:0","dir":"tx","vlan":{}}""", "port del vhost:0 tx fwd1")]
    [InlineData("""{"action":"detach","port":"vhost:0","dir":"tx","vlan":"anything"}""", "port del vhost:0 tx fwd1")]
    public async Task Ports_sends_port_add_or_del(string body, string command)
    {
        var sent = await Sent.DuringAsync(Process, () => Ports("fwd1", body));
        Assert.Equal([command], sent);
    }

    [Fact]
    public async Task The_2018_route_attaches_ports_too()
    {
        await StartComponent("""{"name":"fwd1","core":2,"type":"forward"}""");
        await SendsAsync(["port add ring:0 rx fwd1"], () => Controller.PutAsync("/v1/vfs/2/components/fwd1", """{"action":"attach","port":"ring:0","dir":"rx"}"""));
    }

    [Theory]
    [InlineData("""{"action":"detach","port":"vhost:0","dir":"up"}""", "invalid key(dir): up.")]
    [InlineData("""{"action":"plug","port":"vhost:0","dir":"up"}""", "invalid key(action): plug.")]
    [InlineData("""{"action":"attach","port":"vhost:x","dir":"rx"}""", "invalid key(port): vhost:x.")]
    [InlineData("""{"port":"vhost:0","dir":"rx"}""", "key(action) required.")]
    [InlineData("""{"action":"attach","dir":"rx"}""", "key(port) required.")]
    [InlineData("""{"action":"attach","port":"vhost:0"}""", "key(dir) required.")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"add","id":"677","pcp":0}}""", """invalid key(vlan): {"operation":"add","id":"677","pcp":0}.""")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"add","id":4096,"pcp":0}}""", """invalid key(vlan): {"operation":"add","id":4096,"pcp":0}.""")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"add","id":1,"pcp":8}}""", """invalid key(vlan): {"operation":"add","id":1,"pcp":8}.""")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"add","id":1}}""", """invalid key(vlan): {"operation":"add","id":1}.""")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"zap"}}""", """invalid key(vlan): {"operation":"zap"}.""")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"id":1}}""", """invalid key(vlan): {"id":1}.""")]
    [InlineData("""{"action":"attach","port":"vhost:1","dir":"rx","vlan":5}""", "invalid key(vlan): 5.")]
    public async Task Ports_validates_its_body(string body, string message) =>
        await RejectsAsync(message, () => Ports("fwd1", body));

    [Theory]
    [InlineData("""{"action":"add","type":"mac","mac_address":"FA:16:3E:7D:CC:35","port":"ring:0"}""", "classifier_table add mac FA:16:3E:7D:CC:35 ring:0")]
    [InlineData("""{"action":"del","type":"vlan","vlan":475,"mac_address":"FA:16:3E:7D:CC:35","port":"ring:0"}""", "classifier_table del vlan 475 FA:16:3E:7D:CC:35 ring:0")]
    [InlineData("""{"action":"add","type":"vlan","vlan":"101","mac_address":"default","port":"ring:1"}""", "classifier_table add vlan 101 default ring:1")]
    [InlineData("""{"action":"add","type":"mac","vlan":null,"mac_address":"default","port":"ring:1"}""", "classifier_table add mac default ring:1")]
    public async Task Classifier_table_sends_the_mac_or_vlan_form(string body, string command)
    {
        var sent = await Sent.DuringAsync(Process, () => Controller.PutAsync("/v1/vfs/2/classifier_table", body));
        Assert.Equal([command], sent);
    }

    [Theory]
    [InlineData("""{"action":"add","type":"vlan","mac_address":"FA:16:3E:7D:CC:35","port":"ring:0"}""", "key(vlan) required.")]
    [InlineData("""{"action":"add","type":"mac","mac_address":12345,"port":"ring:0"}""", "invalid key(mac_address): 12345.")]
    [InlineData("""{"action":"add","type":"mac","mac_address":"fa-16-3e-7d-cc-35","port":"ring:0"}""", "invalid key(mac_address): fa-16-3e-7d-cc-35.")]
    [InlineData("""{"action":"add","type":"vlan","vlan":4.7,"mac_address":"default","port":"ring:0"}""", "invalid key(vlan): 4.7.")]
    [InlineData("""{"action":"add","type":"vlan","vlan":"4096","mac_address":"default","port":"ring:0"}""", "invalid key(vlan): 4096.")]
    [InlineData("""{"action":"add","type":"ip","mac_address":"default","port":"ring:0"}""", "invalid key(type): ip.")]
    [InlineData("""{"type":"mac","mac_address":"default","port":"ring:0"}""", "key(action) required.")]
    [InlineData("""{"action":"add","type":"mac","mac_address":"default"}""", "key(port) required.")]
    [InlineData("""{"action":"add","type":"mac","port":"ring:0"}""", "key(mac_address) required.")]
    public async Task Classifier_table_validates_its_body(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/vfs/2/classifier_table", body));

    [Fact]
    public async Task Delete_sends_exit_and_the_process_is_gone()
    {
        await SendsAsync(["exit"], () => Controller.DeleteAsync("/v1/vfs/2"));
        await Expect.ErrorAsync(await Controller.GetAsync("/v1/vfs/2"), 404, "sec_id 2 not found.");
    }
}
