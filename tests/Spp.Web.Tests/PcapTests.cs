using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.6: the spp_pcap endpoints, against an emulated spp_pcap 4.</summary>
public sealed class PcapTests() : ProcessTestBase(EmulatedKind.Pcap, 4)
{
    [Fact]
    public async Task Status_is_the_info_object_as_reported()
    {
        var status = await Expect.JsonAsync(await Controller.GetAsync("/v1/pcaps/4"));
        Assert.StartsWith("""{ "client-id": 4, "status": "idle", "master-lcore": 1, "core": [ { "core": 2, "role": "receive", "rx_port": [ { "port": "phy:0" } ] }, { "core": 3, "role": "write", "filename": "" }""", status);
    }

    [Fact]
    public async Task Capture_start_and_stop()
    {
        await SendsAsync(["start"], () => Controller.PutAsync("/v1/pcaps/4/capture", """{"action":"start"}"""));
        await Eventually.HoldsAsync(async () => (await Controller.GetStringAsync("/v1/pcaps/4")).Contains("\"running\""), "capturing");
        await SendsAsync(["stop"], () => Controller.PutAsync("/v1/pcaps/4/capture", """{"action":"stop"}"""));
    }

    [Theory]
    [InlineData("""{"action":"go"}""", "invalid key(action): go.")]
    [InlineData("""{}""", "key(action) required.")]
    public async Task Capture_validates_its_action(string body, string message) =>
        await RejectsAsync(message, () => Controller.PutAsync("/v1/pcaps/4/capture", body));

    [Fact]
    public async Task Delete_sends_exit() => await SendsAsync(["exit"], () => Controller.DeleteAsync("/v1/pcaps/4"));
}
