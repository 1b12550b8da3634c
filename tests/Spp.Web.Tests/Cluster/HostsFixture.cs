using Spp.Emulator;
using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

/// <summary>Three daemons on loopback, hosts a, b and c, one cluster, each with its own demo processes (same client ids).</summary>
public sealed class HostsFixture : IAsyncLifetime
{
    public static readonly string[] Names = ["a", "b", "c"];

    public Dictionary<string, Controller> Hosts { get; } = [];
    public Dictionary<string, List<EmulatedProcess>> Processes { get; } = [];
    public Dictionary<string, int> ClusterPorts { get; } = Names.ToDictionary(n => n, _ => FreePort.Next());

    public Controller this[string name] => Hosts[name];

    public async Task InitializeAsync()
    {
        var seed = $"127.0.0.1:{ClusterPorts["a"]}";
        foreach (var name in Names)
        {
            var controller = await Controller.StartAsync(commandTimeout: TimeSpan.FromSeconds(2), tune: o => o with
            {
                Cluster = new ClusterSettings { Port = ClusterPorts[name], HostName = name, Seeds = [seed] },
            });
            Hosts[name] = controller;
            Processes[name] = await controller.ConnectDemoAsync();
        }
        foreach (var name in Names) await UntilAllUpAsync(Hosts[name]);
    }

    /// <summary>Every host sees the three up, each with its five processes.</summary>
    public static Task UntilAllUpAsync(Controller controller) => Eventually.HoldsAsync(async () =>
    {
        var hosts = await controller.GetStringAsync("/v1/hosts");
        return Names.All(n => hosts.Contains($"\"host\":\"{n}\"")) && hosts.Split("\"status\":\"up\"").Length == 4
            && hosts.Split("\"processes\":5").Length == 4;
    }, "three hosts up with five processes each", TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        foreach (var controller in Hosts.Values) await controller.DisposeAsync();
    }
}
