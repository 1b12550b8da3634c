using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.Controller;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// rest-api.md 1.9.1 and 1.9.3: a process whose connection is closed, reset or cannot be written is removed from
/// the registry at once, also while idle.
/// </summary>
public sealed class ConnectionLossTests
{
    private readonly Controller controller = new();

    [Fact]
    public async Task A_process_that_closes_its_connection_while_idle_is_deregistered()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        await nfv.Process.CloseAsync();

        await nfv.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Nfv1) is null, "nfv:1 deregistered");
    }

    [Fact]
    public async Task A_process_whose_connection_is_reset_while_idle_is_deregistered()
    {
        var vf = await controller.ConnectAsync(Vf1);

        await vf.Process.ResetAsync();

        await vf.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Vf1) is null, "vf:1 deregistered");
    }

    [Fact]
    public async Task A_connection_closed_before_the_reply_is_complete_fails_the_command_with_connection_closed()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync("""{"result":"succ""");
        await nfv.Process.CloseAsync();

        Expect.Failed(LineFailure.ConnectionClosed, await forward.Answer());
        await nfv.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Nfv1) is null, "nfv:1 deregistered");
    }

    [Fact]
    public async Task A_connection_reset_before_the_reply_fails_the_command_with_connection_reset()
    {
        var vf = await controller.ConnectAsync(Vf1);

        var status = controller.AskAsync(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.ResetAsync();

        Expect.Failed(LineFailure.ConnectionReset, await status.Answer());
        await vf.Ended;
    }

    [Fact]
    public async Task A_command_that_cannot_be_written_fails_with_send_failed()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        await nfv.Process.StopReadingAsync();

        Expect.Failed(LineFailure.SendFailed, await controller.AskAsync(Nfv1, "forward").Answer());
        await nfv.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Nfv1) is null, "nfv:1 deregistered");
    }

    [Fact]
    public async Task Requests_queued_behind_a_command_whose_connection_closed_are_answered_gone()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        var stop = controller.AskAsync(Nfv1, "stop");
        await nfv.Process.CloseAsync();

        Expect.Failed(LineFailure.ConnectionClosed, await forward.Answer());
        Expect.Gone(await stop.Answer());
    }

    [Fact]
    public async Task After_exit_is_sent_the_connection_closing_counts_as_its_reply()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        var exit = controller.Registry.AskAsync(new ProcessRequest(Nfv1, "exit", Terminates: true));
        Assert.Equal("exit", await nfv.Process.NextCommandAsync());
        await nfv.Process.CloseAsync();

        Expect.Replied("", await exit.Answer());
        await nfv.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Nfv1) is null, "nfv:1 deregistered");
    }

    [Fact]
    public async Task After_exit_is_answered_the_process_is_deregistered_without_waiting_for_the_close()
    {
        var primary = await controller.ConnectAsync(ProcessId.Primary);

        var exit = controller.Registry.AskAsync(new ProcessRequest(ProcessId.Primary, "exit", Terminates: true));
        Assert.Equal("exit", await primary.Process.NextCommandAsync());
        await primary.Process.SendAsync(Padded("""{"result":"succeeded","command":"exit"}"""));

        Expect.Replied("""{"result":"succeeded","command":"exit"}""", await exit.Answer());
        await primary.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Primary is null, "primary deregistered");
    }
}
