namespace Spp.Emulator.Tests;

public sealed class LaunchTests
{
    [Fact]
    public async Task Launch_starts_an_emulated_secondary_when_enabled()
    {
        await using var primaryPort = new FakeController();
        await using var secondaryPort = new FakeController();
        var options = TestOptions.Fast with { LaunchSecondaries = true };
        var (primary, connection) = await primaryPort.StartAsync(EmulatedKind.Primary, options: options);
        await using var _ = primary;
        using var __ = connection;

        await connection.PaddedAsync(
            $"launch 3 spp_vf -l 1,3 --proc-type secondary -- --client-id 3 -s 127.0.0.1:{secondaryPort.Endpoint.Port}");
        using var secondary = await secondaryPort.AcceptAsync();

        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "client_id": 3, "process_type": "vf" }""",
            await secondary.StreamAsync("_get_client_id"));
        Assert.Equal(EmulatedKind.Vf, Assert.Single(primary.LaunchedSecondaries).Kind);
    }

    [Fact]
    public async Task Launch_of_nfv_reads_the_id_from_dash_n()
    {
        await using var primaryPort = new FakeController();
        await using var secondaryPort = new FakeController();
        var options = TestOptions.Fast with { LaunchSecondaries = true };
        var (primary, connection) = await primaryPort.StartAsync(EmulatedKind.Primary, options: options);
        await using var _ = primary;
        using var __ = connection;

        await connection.PaddedAsync($"launch 5 spp_nfv -l 1,2 --proc-type secondary -- -n 5 -s 127.0.0.1:{secondaryPort.Endpoint.Port}");
        using var secondary = await secondaryPort.AcceptAsync();

        Assert.Equal(
            """{"results":[{"result":"success"}],"client_id":5,"process_type":"nfv"}""",
            await secondary.PaddedAsync("_get_client_id"));
    }

    [Fact]
    public async Task Launch_starts_nothing_by_default()
    {
        await using var controller = new FakeController();
        var (primary, connection) = await controller.StartAsync(EmulatedKind.Primary);
        await using var _ = primary;
        using var __ = connection;

        await connection.PaddedAsync("launch 5 spp_nfv -l 1,2 --proc-type secondary -- -n 5 -s 127.0.0.1:6666");

        Assert.Empty(primary.LaunchedSecondaries);
    }
}
