using System.Text.Json;

namespace Spp.Emulator.Tests;

public sealed class FleetTests
{
    [Fact]
    public async Task Demo_fleet_is_a_primary_and_one_secondary_of_each_kind()
    {
        await using var primaryPort = new FakeController();
        await using var secondaryPort = new FakeController();
        await using var fleet = Fleet.StartDemo(primaryPort.Endpoint, secondaryPort.Endpoint, TestOptions.Fast);

        using var primary = await primaryPort.AcceptAsync();
        Assert.StartsWith("{\"master-lcore\":0,", await primary.PaddedAsync("status"));

        var identities = await IdentifyAsync(secondaryPort, 4);

        Assert.Equal(["1 nfv", "2 vf", "3 mirror", "4 pcap"], identities.Order());
        Assert.Equal(
            [EmulatedKind.Primary, EmulatedKind.Nfv, EmulatedKind.Vf, EmulatedKind.Mirror, EmulatedKind.Pcap],
            fleet.Processes.Select(p => p.Kind));
    }

    [Fact]
    public async Task Mixed_fleet_cycles_the_secondary_kinds()
    {
        await using var primaryPort = new FakeController();
        await using var secondaryPort = new FakeController();
        await using var fleet = Fleet.StartMixed(primaryPort.Endpoint, secondaryPort.Endpoint, 6, TestOptions.Fast);

        using var primary = await primaryPort.AcceptAsync();
        var identities = await IdentifyAsync(secondaryPort, 6);

        Assert.Equal(["1 nfv", "2 vf", "3 mirror", "4 pcap", "5 nfv", "6 vf"], identities.OrderBy(i => int.Parse(i.Split(' ')[0])));
    }

    // Handshakes each connection as a controller does: nfv answers in a 32768-byte block, the others in bare JSON.
    private static async Task<List<string>> IdentifyAsync(FakeController controller, int count)
    {
        var identities = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var connection = await controller.AcceptAsync();
            await connection.SendAsync("_get_client_id");
            var reply = await connection.ReadJsonObjectAsync();
            using var json = JsonDocument.Parse(reply);
            var type = json.RootElement.GetProperty("process_type").GetString();
            if (type == "nfv") await connection.ReadExactlyAsync(ControllerConnection.BlockSize - reply.Length);
            identities.Add($"{json.RootElement.GetProperty("client_id").GetInt32()} {type}");
        }
        return identities;
    }
}
