using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// Akka.IO's listener stops on an accept error it takes for fatal, closing every connection of its port: the port
/// is bound again, readiness says so meanwhile, and the processes that reconnect are served as before.
/// </summary>
public sealed class ListenerLossTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync();

    public async Task DisposeAsync() => await controller.DisposeAsync();

    [Fact]
    public async Task When_the_spp_ports_stop_accepting_they_are_bound_again_and_the_processes_come_back()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Primary);
        var system = controller.Daemon.Services.GetRequiredService<ActorSystem>();

        system.ActorSelection("/system/IO-TCP/tcp-listener-*").Tell(PoisonPill.Instance);

        await Eventually.HoldsAsync(async () => (await controller.GetStringAsync("/readyz")).Contains("\"listeners\":\"not bound\""),
            "readiness says the listeners are not bound");
        await Eventually.HoldsAsync(async () => await controller.GetStringAsync("/v1/processes") == """[{"type":"primary"},{"type":"nfv","client-id":1}]"""
            && nfv.ConnectionCount > 1, "both processes back on new connections");
        Assert.Equal(200, (int)(await controller.GetAsync("/v1/nfvs/1")).StatusCode);
        Assert.Equal(200, (int)(await controller.GetAsync("/readyz")).StatusCode);
        Assert.Contains(controller.Logs.Events, e => e.RenderMessage().Contains("port") && e.RenderMessage().Contains("stopped accepting connections"));
    }
}
