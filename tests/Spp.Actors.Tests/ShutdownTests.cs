using Akka.TestKit;
using Spp.Actors.Connections;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>The controller stopping: what was asked is still served, nothing new is taken, then every line closes.</summary>
public sealed class ShutdownTests : ControllerTest
{
    [Fact]
    public async Task Requests_queued_when_shutdown_begins_are_still_served_then_every_connection_closes()
    {
        var nfv = await ConnectAsync(Nfv1);
        var vf = await ConnectAsync(new ProcessId(ProcessType.Vf, 2));
        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        var stop = Ask(Nfv1, "stop");

        var drain = Drain();
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        Assert.False(drain.HasMessages);
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));

        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
        await ExpectRepliedAsync(stop, """{"result":"succeeded","command":"stop"}""");
        await EndedAsync(nfv);
        await EndedAsync(vf);
        await drain.ExpectMsgAsync<ProcessRegistry.Drained>();
    }

    [Fact]
    public async Task Requests_after_shutdown_fail_with_shutting_down()
    {
        var nfv = await ConnectAsync(Nfv1);

        await Drain().ExpectMsgAsync<ProcessRegistry.Drained>();

        await ExpectFailedAsync(Ask(Nfv1, "status"), LineFailure.ShuttingDown);
        await ExpectFailedAsync(Ask(ProcessId.Primary, "status"), LineFailure.ShuttingDown);
        Assert.Equal("", await nfv.Process.ClosedByControllerAsync());
    }

    [Fact]
    public async Task A_process_connecting_after_shutdown_is_not_registered_and_its_connection_is_closed()
    {
        await Drain().ExpectMsgAsync<ProcessRegistry.Drained>();

        var latecomer = await NewcomerAsync(SppPort.Secondary);
        Assert.Equal("_get_client_id", await latecomer.NextCommandAsync());
        await latecomer.SendAsync(IdentificationReply(Vf1));

        Assert.Equal("", await latecomer.ClosedByControllerAsync());
        Assert.Empty(Directory.Snapshot.All);
    }

    [Fact]
    public async Task The_drain_is_answered_once_though_processes_still_connect_and_are_closed_after_it()
    {
        var drain = Drain();
        await drain.ExpectMsgAsync<ProcessRegistry.Drained>();

        var latecomer = await NewcomerAsync(SppPort.Secondary);
        Assert.Equal("_get_client_id", await latecomer.NextCommandAsync());
        await latecomer.SendAsync(IdentificationReply(Vf1));

        Assert.Equal("", await latecomer.ClosedByControllerAsync());
        await drain.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(500));
    }

    private TestProbe Drain()
    {
        var waiter = CreateTestProbe();
        Registry.Tell(ProcessRegistry.Drain.Instance, waiter.Ref);
        return waiter;
    }
}
