using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 2.1.2 and 2.1.3: cpu_usage asks every process at once; cpu_layout reads sysfs.</summary>
public sealed class CpuTests : IAsyncLifetime
{
    private readonly string sysfs = Path.Combine(Path.GetTempPath(), $"spp-sysfs-{Guid.NewGuid():N}");
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync(sysfsRoot: sysfs);

    public async Task DisposeAsync()
    {
        await controller.DisposeAsync();
        if (Directory.Exists(sysfs)) Directory.Delete(sysfs, recursive: true);
    }

    private void Cpu(int n, int core, int socket)
    {
        var topology = Path.Combine(sysfs, "devices", "system", "cpu", $"cpu{n}", "topology");
        Directory.CreateDirectory(topology);
        File.WriteAllText(Path.Combine(topology, "core_id"), $"{core}\n");
        File.WriteAllText(Path.Combine(topology, "physical_package_id"), $"{socket}\n");
    }

    private void KernelMax(int max)
    {
        Directory.CreateDirectory(Path.Combine(sysfs, "devices", "system", "cpu"));
        File.WriteAllText(Path.Combine(sysfs, "devices", "system", "cpu", "kernel_max"), $"{max}\n");
    }

    [Fact]
    public async Task Cpu_usage_lists_every_process_with_its_lcores()
    {
        await controller.ConnectAsync(EmulatedKind.Primary);
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await controller.ConnectAsync(EmulatedKind.Pcap, 4);
        Assert.Equal(
            """[{"proc-type":"primary","master-lcore":0,"lcores":[0,1]},{"proc-type":"nfv","client-id":1,"master-lcore":1,"lcores":[1,2,3,4,5]},{"proc-type":"vf","client-id":2,"master-lcore":1,"lcores":[1,2,3,4,5]},{"proc-type":"pcap","client-id":4,"master-lcore":1,"lcores":[1,2,3,4,5]}]""",
            await Expect.JsonAsync(await controller.GetAsync("/v1/cpu_usage")));
    }

    [Fact]
    public async Task Cpu_usage_counts_a_core_once_per_component()
    {
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await controller.PostAsync("/v1/vfs/2/components", """{"name":"a","core":2,"type":"forward"}""");
        await controller.PostAsync("/v1/vfs/2/components", """{"name":"b","core":2,"type":"merge"}""");
        Assert.Equal("""[{"proc-type":"vf","client-id":2,"master-lcore":1,"lcores":[1,2,2,3,4,5]}]""",
            await Expect.JsonAsync(await controller.GetAsync("/v1/cpu_usage")));
    }

    [Fact]
    public async Task A_process_with_an_unusable_status_is_left_out_but_stays_registered()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Nfv, 2);
        nfv.Faults.ExactReply = "status: idling";
        Assert.Equal("""[{"proc-type":"nfv","client-id":2,"master-lcore":1,"lcores":[1,2,3,4,5]}]""",
            await Expect.JsonAsync(await controller.GetAsync("/v1/cpu_usage")));
        Assert.Contains("\"client-id\":1", await controller.GetStringAsync("/v1/processes"));
    }

    [Fact]
    public async Task Cpu_usage_with_nothing_connected_is_empty() =>
        Assert.Equal("[]", await Expect.JsonAsync(await controller.GetAsync("/v1/cpu_usage")));

    [Fact]
    public async Task Cpu_layout_groups_lcores_by_socket_and_core_in_order_of_appearance()
    {
        KernelMax(8191);
        for (var n = 0; n < 8; n++) Cpu(n, core: n % 4, socket: 0);
        Assert.Equal(
            """[{"socket_id":0,"cores":[{"core_id":0,"lcores":[0,4]},{"core_id":1,"lcores":[1,5]},{"core_id":2,"lcores":[2,6]},{"core_id":3,"lcores":[3,7]}]}]""",
            await Expect.JsonAsync(await controller.GetAsync("/v1/cpu_layout")));
    }

    [Fact]
    public async Task Cpu_layout_skips_cpus_without_topology_and_beyond_kernel_max()
    {
        KernelMax(3);
        Cpu(0, core: 0, socket: 1);
        Cpu(1, core: 0, socket: 0);
        Directory.CreateDirectory(Path.Combine(sysfs, "devices", "system", "cpu", "cpu2"));
        Cpu(3, core: 5, socket: 1);
        Cpu(4, core: 6, socket: 1);
        Assert.Equal(
            """[{"socket_id":1,"cores":[{"core_id":0,"lcores":[0]},{"core_id":5,"lcores":[3]}]},{"socket_id":0,"cores":[{"core_id":0,"lcores":[1]}]}]""",
            await Expect.JsonAsync(await controller.GetAsync("/v1/cpu_layout")));
    }

    [Fact]
    public async Task Cpu_layout_without_a_readable_topology_is_a_500() =>
        await Expect.ErrorStartingAsync(await controller.GetAsync("/v1/cpu_layout"), 500, "cpu layout unavailable: ");
}
