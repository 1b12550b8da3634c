using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.1.1 and 1.9.1: the process list comes from the registry of live connections.</summary>
public sealed class ProcessesTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync();

    public async Task DisposeAsync() => await controller.DisposeAsync();

    [Fact]
    public async Task With_nothing_connected_the_list_is_empty() =>
        Assert.Equal("[]", await Expect.JsonAsync(await controller.GetAsync("/v1/processes")));

    [Fact]
    public async Task The_primary_comes_first_then_secondaries_by_ascending_client_id()
    {
        await controller.ConnectAsync(EmulatedKind.Pcap, 4);
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Primary);
        await controller.ConnectAsync(EmulatedKind.Mirror, 3);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        Assert.Equal(
            """[{"type":"primary"},{"type":"nfv","client-id":1},{"type":"vf","client-id":2},{"type":"mirror","client-id":3},{"type":"pcap","client-id":4}]""",
            await Expect.JsonAsync(await controller.GetAsync("/v1/processes")));
    }

    [Fact]
    public async Task Listing_sends_nothing_to_any_process()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        var primary = await controller.ConnectAsync(EmulatedKind.Primary);
        for (var i = 0; i < 5; i++) await controller.GetAsync("/v1/processes");
        Assert.Empty(Sent.Commands(nfv));
        Assert.Empty(Sent.Commands(primary));
    }

    [Fact]
    public async Task A_secondary_with_client_id_0_does_not_displace_the_primary()
    {
        await controller.ConnectAsync(EmulatedKind.Primary);
        await controller.ConnectAsync(EmulatedKind.Nfv, 0);
        Assert.Equal("""[{"type":"primary"},{"type":"nfv","client-id":0}]""", await controller.GetStringAsync("/v1/processes"));
        var status = await Expect.JsonElementAsync(await controller.GetAsync("/v1/primary/status"));
        Assert.True(status.TryGetProperty("phy_ports", out _));
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/0"));
    }

    [Fact]
    public async Task A_process_whose_connection_closes_is_removed_without_any_request()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await nfv.DisposeAsync();
        await controller.WaitUntilNotListedAsync(Controller.Listing(EmulatedKind.Nfv, 1));
        await Expect.ErrorAsync(await controller.GetAsync("/v1/nfvs/1"), 404, "sec_id 1 not found.");
    }

    [Fact]
    public async Task A_process_that_reconnects_is_picked_up_again()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}""");
        await nfv.DisconnectAsync();
        await nfv.WaitUntilAsync(p => p.ConnectionCount == 2 && p.IsConnected, Controller.Patience);
        await Eventually.HoldsAsync(async () => (await controller.GetAsync("/v1/nfvs/1")).IsSuccessStatusCode, "nfv 1 answers again");
        var status = await Expect.JsonElementAsync(await controller.GetAsync("/v1/nfvs/1"));
        Assert.Equal("running", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_newcomer_of_another_type_takes_over_the_client_id()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 5);
        await controller.ConnectAsync(EmulatedKind.Vf, 5);
        // The displaced process reconnects at once, as real ones do: stop it so that the newcomer keeps the id.
        await nfv.DisposeAsync();
        await controller.WaitUntilListedAsync(Controller.Listing(EmulatedKind.Vf, 5));
        Assert.Equal("""[{"type":"vf","client-id":5}]""", await controller.GetStringAsync("/v1/processes"));
        Assert.Contains(controller.Logs.Events, e => e.RenderMessage().Contains("replaced by a new connection of another type"));
    }

    [Fact]
    public async Task A_silent_newcomer_never_delays_other_registrations()
    {
        controller.Start(EmulatedKind.Nfv, 8, Controller.FastEmulator with { InitialFaults = f => f.SilentHandshake = true });
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await controller.ConnectAsync(EmulatedKind.Primary);
        Assert.DoesNotContain("\"client-id\":8", await controller.GetStringAsync("/v1/processes"));
    }
}
