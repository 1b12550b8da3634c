using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.2: the spp_primary endpoints, against an emulated spp_primary.</summary>
public sealed class PrimaryTests() : ProcessTestBase(EmulatedKind.Primary, 0)
{

    [Fact]
    public async Task Status_is_the_primary_json_passed_through_unchanged()
    {
        var body = await Expect.JsonAsync(await Controller.GetAsync("/v1/primary/status"));
        Assert.StartsWith("{\"master-lcore\":0,\"lcores\":[0,", body);
        Assert.Contains("\"phy_ports\":[", body);
        Assert.Equal(["status"], Sent.Commands(Process));
    }

    [Fact]
    public async Task Delete_status_clears_the_statistics() =>
        await SendsAsync(["clear"], () => Controller.DeleteAsync("/v1/primary/status"));

    [Theory]
    [InlineData("start", "forward")]
    [InlineData("stop", "stop")]
    public async Task Forward_sends_forward_or_stop(string action, string command) =>
        await SendsAsync([command], () => Controller.PutAsync("/v1/primary/forward", $$"""{"action":"{{action}}"}"""));

    [Theory]
    [InlineData("""{"action":"bogus"}""", "invalid key(action): bogus.")]
    [InlineData("""{}""", "key(action) required.")]
    public async Task Forward_validates_its_action(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/primary/forward", body));

    [Theory]
    [InlineData("""{"action":"add","port":"ring:0"}""", "add ring:0")]
    [InlineData("""{"action":"add","port":"vhost:0"}""", "add vhost:0")]
    [InlineData("""{"action":"add","port":"pipe:0","rx":"ring:0","tx":"ring:1"}""", "add pipe:0 ring:0 ring:1")]
    [InlineData("""{"action":"del","port":"pipe:0","rx":"bogus"}""", "del pipe:0")]
    public async Task Ports_sends_add_or_del(string body, string command)
    {
        var sent = await Sent.DuringAsync(Process, () => Controller.PutAsync("/v1/primary/ports", body));
        Assert.Equal([command], sent);
    }

    [Fact]
    public async Task A_pipe_added_shows_in_status()
    {
        await SendsAsync(["add pipe:0 ring:0 ring:1"],
            () => Controller.PutAsync("/v1/primary/ports", """{"action":"add","port":"pipe:0","rx":"ring:0","tx":"ring:1"}"""));
        Assert.Contains("\"pipes\":[{\"id\":0,\"rx\":0,\"tx\":1}]", await Controller.GetStringAsync("/v1/primary/status"));
    }

    [Theory]
    [InlineData("""{"action":"add","port":"pipe:0"}""", "key(rx) required.")]
    [InlineData("""{"action":"add","port":"pipe:0","rx":"ring:0"}""", "key(tx) required.")]
    [InlineData("""{"action":"add","port":"pipe:0","rx":"ring:0","tx":"vhost:1"}""", "invalid key(tx): vhost:1.")]
    [InlineData("""{"action":"add","port":"pipe:0","rx":"ring:0nq1","tx":"ring:1"}""", "invalid key(rx): ring:0nq1.")]
    [InlineData("""{"action":"add","port":"phy:0"}""", "invalid key(port): phy:0.")]
    [InlineData("""{"action":"add","port":"tap:0"}""", "invalid key(port): tap:0.")]
    [InlineData("""{"action":"add","port":"phy:0nq1"}""", "invalid key(port): phy:0nq1.")]
    [InlineData("""{"port":"ring:0"}""", "key(action) required.")]
    [InlineData("""{"action":"add"}""", "key(port) required.")]
    public async Task Ports_validates_its_body(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/primary/ports", body));

    [Fact]
    public async Task A_failed_add_is_a_command_error() =>
        await Expect.ErrorAsync(await Controller.PutAsync("/v1/primary/ports", """{"action":"add","port":"ring:99"}"""), 400, "command error: add failed");

    [Fact]
    public async Task Patches_sends_patch_and_patch_reset()
    {
        await SendsAsync(["patch phy:0 phy:1"], () => Controller.PutAsync("/v1/primary/patches", """{"src":"phy:0","dst":"phy:1"}"""));
        await SendsAsync(["patch reset"], () => Controller.DeleteAsync("/v1/primary/patches"));
    }

    [Fact]
    public async Task Launch_sends_the_options_in_the_fixed_order() =>
        await SendsAsync(["launch 5 spp_nfv -l 1,2 --no-pci --proc-type secondary -m 512 -- -n 5 -s 127.0.0.1:6666 --vhost-client"],
            () => Controller.PutAsync("/v1/primary/launch", """
                {"proc_name": "spp_nfv", "client_id": "5",
                 "eal": {"-l": "1,2", "-m": "512", "--no-pci": null, "--proc-type": "secondary"},
                 "app": {"-n": "5", "-s": "127.0.0.1:6666", "--vhost-client": null}}
                """));

    [Fact]
    public async Task Launch_drops_unknown_options_and_ends_with_a_space_when_app_is_empty()
    {
        await SendsAsync(["launch 6 spp_vf -l 1,4-7 --proc-type secondary -m 512 -- --client-id 6 -s 127.0.0.1:6666"],
            () => Controller.PutAsync("/v1/primary/launch", """
                {"proc_name":"spp_vf","client_id":6,"eal":{"-m":"512","-l":"1,4-7","--proc-type":"secondary"},"app":{"-s":"127.0.0.1:6666","--client-id":"6","-n":"9"}}
                """));
        await SendsAsync(["launch 7 spp_pcap -l 1 --proc-type secondary -- "],
            () => Controller.PutAsync("/v1/primary/launch", """
                {"proc_name":"spp_pcap","client_id":"7","eal":{"-l":"1","--proc-type":"secondary"},"app":{}}
                """));
    }

    [Fact]
    public async Task Launch_keeps_values_with_spaces() =>
        await SendsAsync(["launch 4 spp_pcap -l 1,2 --proc-type secondary -- --client-id 4 -s 127.0.0.1:6666 -c phy:0 nq 2"],
            () => Controller.PutAsync("/v1/primary/launch", """
                {"proc_name":"spp_pcap","client_id":"4","eal":{"-l":"1,2","--proc-type":"secondary"},"app":{"--client-id":"4","-s":"127.0.0.1:6666","-c":"phy:0 nq 2"}}
                """));

    [Theory]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"5","eal":{"-m":"512","--proc-type":"secondary"},"app":{}}""", "key(-c, -l or --lcores) required.")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"5","eal":{"-l":"1"},"app":{}}""", "key(--proc-type) required.")]
    [InlineData("""{"proc_name":"bogus","client_id":"1","eal":{"-l":"1","--proc-type":"secondary"},"app":{}}""", "invalid key(proc_name): bogus.")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"x y","eal":{"-l":"1","--proc-type":"secondary"},"app":{}}""", "invalid key(client_id): x y.")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":-1,"eal":{"-l":"1","--proc-type":"secondary"},"app":{}}""", "invalid key(client_id): -1.")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"1","eal":[],"app":{}}""", "invalid key(eal): [].")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"1","eal":{"-l":"1","--proc-type":"secondary"},"app":"x"}""", "invalid key(app): x.")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"1","eal":{"-l":true,"--proc-type":"secondary"},"app":{}}""", "invalid key(-l): true.")]
    [InlineData("""{"proc_name":"spp_nfv","client_id":"1","eal":{"-l":"1\n2","--proc-type":"secondary"},"app":{}}""", "invalid key(-l): 1\n2.")]
    [InlineData("""{"client_id":"1","eal":{},"app":{}}""", "key(proc_name) required.")]
    [InlineData("""{"proc_name":"spp_nfv","eal":{},"app":{}}""", "key(client_id) required.")]
    public async Task Launch_validates_its_body(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/primary/launch", body));

    [Fact]
    public async Task Launch_beyond_the_token_limit_is_rejected()
    {
        var app = $$"""{"-s":"{{string.Join(' ', Enumerable.Repeat("x", 50))}}"}""";
        await RejectsAsync($"invalid key(app): {app}.",
            () => Controller.PutAsync("/v1/primary/launch", $$"""{"proc_name":"spp_nfv","client_id":"1","eal":{"-l":"1","--proc-type":"secondary"},"app":{{app}}}"""));
    }

    [Fact]
    public async Task Flow_validate_returns_the_primary_reply_with_200()
    {
        var sent = await Sent.DuringAsync(Process, async () =>
        {
            var reply = await Expect.JsonElementAsync(await Controller.PostAsync("/v1/primary/flow_rules/port_id/0/validate", """
                {"rule": {"group": 0, "priority": 0, "direction": "ingress", "transfer": true,
                  "pattern": ["eth dst is 11:22:33:44:55:66 type mask 0xffff", "vlan vid is 100"],
                  "actions": ["queue index 1", "of_pop_vlan"]}}
                """));
            Assert.Equal("success", reply.GetProperty("result").GetString());
        });
        Assert.Equal(["flow validate phy:0 group 0 priority 0 transfer ingress pattern eth dst is 11:22:33:44:55:66 type mask 0xffff / vlan vid is 100 / end actions queue index 1 / of_pop_vlan / end"], sent);
    }

    [Fact]
    public async Task Flow_create_then_destroy()
    {
        var created = await Expect.JsonElementAsync(await Controller.PostAsync("/v1/primary/flow_rules/port_id/0",
            """{"rule": {"direction": "egress", "pattern": ["eth"], "actions": ["jump group 1"]}}"""));
        Assert.Equal("0", created.GetProperty("rule_id").GetString());
        Assert.Equal("flow create phy:0 egress pattern eth / end actions jump group 1 / end", Sent.Commands(Process)[^1]);

        var destroyed = await Expect.JsonElementAsync(await Controller.DeleteAsync("/v1/primary/flow_rules/0/port_id/0"));
        Assert.Equal("success", destroyed.GetProperty("result").GetString());
        Assert.Equal("flow destroy phy:0 0", Sent.Commands(Process)[^1]);
    }

    [Fact]
    public async Task Flow_errors_reported_by_the_primary_are_200()
    {
        var reply = await Expect.JsonElementAsync(await Controller.DeleteAsync("/v1/primary/flow_rule/7/port_id/0"));
        Assert.Equal("error", reply.GetProperty("result").GetString());
        Assert.Equal("flow destroy phy:0 7", Sent.Commands(Process)[^1]);
    }

    [Fact]
    public async Task Flow_destroy_all_has_two_spellings()
    {
        await Expect.JsonAsync(await Controller.DeleteAsync("/v1/primary/flow_rules/port_id/0"));
        await Expect.JsonAsync(await Controller.DeleteAsync("/v1/primary/flow_rule/port_id/0"));
        Assert.Equal(["flow destroy phy:0 ALL", "flow destroy phy:0 ALL"], Sent.Commands(Process));
    }

    [Theory]
    [InlineData("""{"rule":{"direction":"sideways","pattern":["eth"],"actions":["drop"]}}""", "invalid key(direction): sideways.")]
    [InlineData("""{}""", "key(rule) required.")]
    [InlineData("""{"rule":[]}""", "invalid key(rule): [].")]
    [InlineData("""{"rule":{"group":"1","direction":"ingress","pattern":[],"actions":[]}}""", "invalid key(group): 1.")]
    [InlineData("""{"rule":{"group":true,"direction":"ingress","pattern":[],"actions":[]}}""", "invalid key(group): true.")]
    [InlineData("""{"rule":{"priority":4294967296,"direction":"ingress","pattern":[],"actions":[]}}""", "invalid key(priority): 4294967296.")]
    [InlineData("""{"rule":{"pattern":[],"actions":[]}}""", "key(direction) required.")]
    [InlineData("""{"rule":{"direction":"ingress","transfer":1,"pattern":[],"actions":[]}}""", "invalid key(transfer): 1.")]
    [InlineData("""{"rule":{"direction":"ingress","actions":[]}}""", "key(pattern) required.")]
    [InlineData("""{"rule":{"direction":"ingress","pattern":[]}}""", "key(actions) required.")]
    [InlineData("""{"rule":{"direction":"ingress","pattern":["eth",1],"actions":[]}}""", "invalid key(pattern): [\"eth\",1].")]
    [InlineData("""{"rule":{"direction":"ingress","pattern":[],"actions":{"a":1}}}""", "invalid key(actions): {\"a\":1}.")]
    public async Task Flow_validates_its_rule(string body, string message) =>
        await RejectsAsync(message, () => Controller.PostAsync("/v1/primary/flow_rules/port_id/0", body));

    [Fact]
    public async Task Flow_beyond_47_tokens_is_rejected()
    {
        var pattern = string.Join(",", Enumerable.Repeat("\"eth\"", 30));
        await RejectsAsync($"invalid key(pattern): [{pattern}].",
            () => Controller.PostAsync("/v1/primary/flow_rules/port_id/0", "{\"rule\":{\"direction\":\"ingress\",\"pattern\":[" + pattern + "],\"actions\":[]}}"));
    }

    [Theory]
    [InlineData("/v1/primary/flow_rules/port_id/65536", "invalid key(port_id): 65536.")]
    [InlineData("/v1/primary/flow_rules/4294967296/port_id/0", "invalid key(rule_id): 4294967296.")]
    public async Task Flow_path_ids_are_bounded(string path, string message) =>
        await RejectsAsync(message, () => Controller.DeleteAsync(path));

    [Fact]
    public async Task A_negative_flow_path_id_does_not_match() =>
        await Expect.ErrorAsync(await Controller.DeleteAsync("/v1/primary/flow_rules/-3/port_id/0"), 404, "Not found: '/v1/primary/flow_rules/-3/port_id/0'");

    [Theory]
    [InlineData("/v1/primary")]
    [InlineData("/v1/primary/")]
    public async Task Delete_sends_exit_and_the_primary_is_gone(string path)
    {
        await SendsAsync(["exit"], () => Controller.DeleteAsync(path));
        await Expect.ErrorAsync(await Controller.GetAsync("/v1/primary/status"), 404, "primary not found.");
    }
}
