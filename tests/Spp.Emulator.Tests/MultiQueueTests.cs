namespace Spp.Emulator.Tests;

public sealed class MultiQueueTests
{
    private static readonly EmulatorOptions TwoQueues = TestOptions.Fast with { PhyQueueCount = 2 };

    [Fact]
    public async Task Nfv_lists_every_queue_of_a_multi_queue_nic()
    {
        await using var controller = new FakeController();
        var (nfv, connection) = await controller.StartAsync(EmulatedKind.Nfv, 2, TwoQueues);
        await using var _ = nfv;
        using var __ = connection;

        await connection.PaddedAsync("add ring:1");
        await connection.PaddedAsync("patch phy:0nq1 ring:1");

        Assert.Equal(
            """{"client-id":2,"status":"idling","master-lcore":1,"lcores":[1,2,3,4,5],"ports":["phy:0 nq 0","phy:0 nq 1","phy:1 nq 0","phy:1 nq 1","ring:1"]""" +
            ""","patches":[{"src":"phy:0 nq 1","dst":"ring:1"}]}""",
            await connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Vf_requires_nq_on_a_multi_queue_nic()
    {
        await using var controller = new FakeController();
        var (vf, connection) = await controller.StartAsync(EmulatedKind.Vf, 2, TwoQueues);
        await using var _ = vf;
        using var __ = connection;
        await connection.StreamAsync("component start fwd1 2 forward");

        Assert.Contains("Invalid value (port)", await connection.StreamAsync("port add phy:0 rx fwd1"));
        Assert.Contains("Invalid value (port rxtx)", await connection.StreamAsync("port add phy:0nq2 rx fwd1"));
        Assert.Equal("""{ "results": [ { "result": "success" } ] }""", await connection.StreamAsync("port add phy:0nq1 rx fwd1"));
        var status = await connection.StreamAsync("status");
        Assert.Contains(""", "phy": [ "0 nq 0", "0 nq 1", "1 nq 0", "1 nq 1" ]""", status);
        Assert.Contains("""{ "port": "phy:0 nq 1", "vlan": { "operation": "none", "id": 0, "pcp": 0 } }""", status);
    }
}
