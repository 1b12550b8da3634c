using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.3: the spp_nfv endpoints, against an emulated spp_nfv 1.</summary>
public sealed class NfvTests() : ProcessTestBase(EmulatedKind.Nfv, 1)
{

    [Fact]
    public async Task Status_is_the_process_json_passed_through_unchanged()
    {
        var body = await Expect.JsonAsync(await Controller.GetAsync("/v1/nfvs/1"));
        Assert.StartsWith("{\"client-id\":1,\"status\":\"idling\",\"master-lcore\":", body);
        Assert.Equal(["status"], Sent.Commands(Process));
    }

    [Theory]
    [InlineData("start", "forward")]
    [InlineData("stop", "stop")]
    public async Task Forward_sends_forward_or_stop(string action, string command) =>
        await SendsAsync([command], () => Controller.PutAsync("/v1/nfvs/1/forward", $$"""{"action":"{{action}}"}"""));

    [Fact]
    public async Task Forward_changes_what_status_reports()
    {
        await Controller.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}""");
        var status = await Expect.JsonElementAsync(await Controller.GetAsync("/v1/nfvs/1"));
        Assert.Equal("running", status.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"action":"bogus"}""", "invalid key(action): bogus.")]
    [InlineData("""{}""", "key(action) required.")]
    [InlineData("""{"action":1}""", "invalid key(action): 1.")]
    [InlineData("""{"action":null}""", "invalid key(action): null.")]
    public async Task Forward_validates_its_action(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/nfvs/1/forward", body));

    [Theory]
    [InlineData("add", "ring:0", "add ring:0")]
    [InlineData("add", "vhost:1", "add vhost:1")]
    [InlineData("add", "pcap:1", "add pcap:1")]
    [InlineData("add", "nullpmd:0", "add nullpmd:0")]
    [InlineData("add", "memif:0", "add memif:0")]
    [InlineData("add", "ring:01", "add ring:01")]
    public async Task Ports_sends_add_or_del_of_the_port(string action, string port, string command) =>
        await SendsAsync([command], () => Controller.PutAsync("/v1/nfvs/1/ports", $$"""{"action":"{{action}}","port":"{{port}}"}"""));

    [Fact]
    public async Task Ports_del_sends_del()
    {
        await Controller.PutAsync("/v1/nfvs/1/ports", """{"action":"add","port":"ring:1"}""");
        await SendsAsync(["del ring:1"], () => Controller.PutAsync("/v1/nfvs/1/ports", """{"action":"del","port":"ring:1"}"""));
    }

    [Theory]
    [InlineData("""{"port":"ring:0"}""", "key(action) required.")]
    [InlineData("""{"action":"add"}""", "key(port) required.")]
    [InlineData("""{}""", "key(action) required.")]
    [InlineData("""{"action":"drop","port":"ring:0"}""", "invalid key(action): drop.")]
    [InlineData("""{"action":"add","port":"ring: 1"}""", "invalid key(port): ring: 1.")]
    [InlineData("""{"action":"add","port":"ring:x"}""", "invalid key(port): ring:x.")]
    [InlineData("""{"action":"add","port":"ring:-1"}""", "invalid key(port): ring:-1.")]
    [InlineData("""{"action":"add","port":"ring:+1"}""", "invalid key(port): ring:+1.")]
    [InlineData("""{"action":"add","port":"ring:1_0"}""", "invalid key(port): ring:1_0.")]
    [InlineData("""{"action":"add","port":"PHY:0"}""", "invalid key(port): PHY:0.")]
    [InlineData("""{"action":"add","port":"ring:0:1"}""", "invalid key(port): ring:0:1.")]
    [InlineData("""{"action":"del","port":"phy:0"}""", "invalid key(port): phy:0.")]
    [InlineData("""{"action":"add","port":"phy:0nq1"}""", "invalid key(port): phy:0nq1.")]
    [InlineData("""{"action":"add","port":"tap:0"}""", "invalid key(port): tap:0.")]
    [InlineData("""{"action":"add","port":"pipe:0"}""", "invalid key(port): pipe:0.")]
    [InlineData("""{"action":"add","port":5}""", "invalid key(port): 5.")]
    public async Task Ports_validates_action_and_port(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/nfvs/1/ports", body));

    [Fact]
    public async Task A_failed_reply_is_a_command_error() =>
        await Expect.ErrorAsync(await Controller.PutAsync("/v1/nfvs/1/ports", """{"action":"del","port":"ring:3"}"""), 400, "command error: del failed");

    [Theory]
    [InlineData("ring:0", "vhost:1", "patch ring:0 vhost:1")]
    [InlineData("phy:0nq1", "ring:0", "patch phy:0nq1 ring:0")]
    [InlineData("phy:0 nq 1", "ring:0", "patch phy:0nq1 ring:0")]
    public async Task Patches_sends_patch(string src, string dst, string command)
    {
        var sent = await Sent.DuringAsync(Process, () => Controller.PutAsync("/v1/nfvs/1/patches", $$"""{"src":"{{src}}","dst":"{{dst}}"}"""));
        Assert.Equal([command], sent);
    }

    [Fact]
    public async Task Patches_of_known_ports_succeed_and_show_in_status()
    {
        await SendsAsync(["patch phy:0 phy:1"], () => Controller.PutAsync("/v1/nfvs/1/patches", """{"src":"phy:0","dst":"phy:1"}"""));
        var status = await Expect.JsonAsync(await Controller.GetAsync("/v1/nfvs/1"));
        Assert.Contains("""{"src":"phy:0","dst":"phy:1"}""", status);
    }

    [Theory]
    [InlineData("""{"dst":"ring:0"}""", "key(src) required.")]
    [InlineData("""{"src":"ring:0"}""", "key(dst) required.")]
    [InlineData("""{"src":"ring:x","dst":"bogus"}""", "invalid key(src): ring:x.")]
    [InlineData("""{"src":"ring:0","dst":"bogus"}""", "invalid key(dst): bogus.")]
    [InlineData("""{"src":"ring:0nq1","dst":"ring:1"}""", "invalid key(src): ring:0nq1.")]
    public async Task Patches_validates_src_and_dst(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/nfvs/1/patches", body));

    [Fact]
    public async Task Patch_reset_is_an_echo_reply_and_succeeds() =>
        await SendsAsync(["patch reset"], () => Controller.DeleteAsync("/v1/nfvs/1/patches"));

    [Fact]
    public async Task Delete_sends_exit_and_the_process_is_gone()
    {
        await SendsAsync(["exit"], () => Controller.DeleteAsync("/v1/nfvs/1"));
        await Expect.ErrorAsync(await Controller.GetAsync("/v1/nfvs/1"), 404, "sec_id 1 not found.");
        Assert.Equal("[]", await Controller.GetStringAsync("/v1/processes"));
    }

    [Fact]
    public async Task Every_command_is_logged_with_process_command_outcome_and_duration()
    {
        await Controller.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}""");
        var line = Assert.Single(Controller.Logs.Events, e => e.Properties.TryGetValue("Command", out var c) && c.ToString() == "\"forward\"");
        Assert.Equal("nfv:1", line.Properties["Process"].ToString().Trim('"'));
        Assert.Contains("DurationMs", line.Properties.Keys);
        Assert.Contains("Outcome", line.Properties.Keys);
    }
}
