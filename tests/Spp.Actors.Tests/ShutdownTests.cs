using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.Controller;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>The controller stopping: what was asked is still served, nothing new is taken, then every line closes.</summary>
public sealed class ShutdownTests
{
    private readonly Controller controller = new();

    [Fact]
    public async Task Requests_queued_when_shutdown_begins_are_still_served_then_every_actor_ends()
    {
        var nfv = await controller.ConnectAsync(Nfv1);
        var vf = await controller.ConnectAsync(new ProcessId(ProcessType.Vf, 2));
        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        var stop = controller.AskAsync(Nfv1, "stop");

        var shutDown = controller.Registry.ShutDownAsync();
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));

        Expect.Replied("""{"result":"succeeded","command":"forward"}""", await forward.Answer());
        Expect.Replied("""{"result":"succeeded","command":"stop"}""", await stop.Answer());
        await shutDown.WaitAsync(Within.Patience);
        await nfv.Ended;
        await vf.Ended;
    }

    [Fact]
    public async Task Requests_after_shutdown_fail_with_shutting_down()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        await controller.Registry.ShutDownAsync().WaitAsync(Within.Patience);

        Expect.Failed(LineFailure.ShuttingDown, await controller.AskAsync(Nfv1, "status").Answer());
        Expect.Failed(LineFailure.ShuttingDown, await controller.AskAsync(ProcessId.Primary, "status").Answer());
        Assert.True(nfv.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task A_process_connecting_after_shutdown_is_not_registered_and_its_line_is_let_go()
    {
        await controller.Registry.ShutDownAsync().WaitAsync(Within.Patience);

        var latecomer = await controller.ConnectAsync(Vf1);

        await latecomer.Ended;
        Assert.Null(controller.Registry.Snapshot.Find(Vf1));
        Assert.True(latecomer.Process.HasNoCommandWaiting());
    }
}
