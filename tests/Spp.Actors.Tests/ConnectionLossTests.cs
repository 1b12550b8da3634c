using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// rest-api.md 1.9.1 and 1.9.3: a process whose connection is closed or reset is removed from the registry at once,
/// also while idle.
/// </summary>
public sealed class ConnectionLossTests : ControllerTest
{
    [Fact]
    public async Task A_process_that_closes_its_connection_while_idle_is_deregistered()
    {
        var nfv = await ConnectAsync(Nfv1);
        Watch(nfv.Actor);

        nfv.Process.Close();

        await ExpectTerminatedAsync(nfv.Actor);
        await DeregisteredAsync(Nfv1);
    }

    [Fact]
    public async Task A_process_whose_connection_is_reset_while_idle_is_deregistered()
    {
        var vf = await ConnectAsync(Vf1);
        Watch(vf.Actor);

        vf.Process.Reset();

        await ExpectTerminatedAsync(vf.Actor);
        await DeregisteredAsync(Vf1);
    }

    [Fact]
    public async Task A_connection_closed_before_the_reply_is_complete_fails_the_command_with_connection_closed()
    {
        var nfv = await ConnectAsync(Nfv1);
        Watch(nfv.Actor);

        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync("""{"result":"succ""");
        nfv.Process.Close();

        await ExpectFailedAsync(forward, LineFailure.ConnectionClosed);
        await ExpectTerminatedAsync(nfv.Actor);
        await DeregisteredAsync(Nfv1);
    }

    [Fact]
    public async Task A_connection_reset_before_the_reply_fails_the_command_with_connection_reset()
    {
        var vf = await ConnectAsync(Vf1);
        Watch(vf.Actor);

        var status = Ask(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        vf.Process.Reset();

        await ExpectFailedAsync(status, LineFailure.ConnectionReset);
        await ExpectTerminatedAsync(vf.Actor);
        await DeregisteredAsync(Vf1);
    }

    [Fact]
    public async Task Requests_queued_behind_a_command_whose_connection_closed_are_answered_gone()
    {
        var nfv = await ConnectAsync(Nfv1);

        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        var stop = Ask(Nfv1, "stop");
        nfv.Process.Close();

        await ExpectFailedAsync(forward, LineFailure.ConnectionClosed);
        await ExpectGoneAsync(stop);
    }

    [Fact]
    public async Task After_exit_is_sent_the_connection_closing_counts_as_its_reply()
    {
        var nfv = await ConnectAsync(Nfv1);
        Watch(nfv.Actor);

        var exit = Ask(new ProcessRequest(Nfv1, "exit", Terminates: true));
        Assert.Equal("exit", await nfv.Process.NextCommandAsync());
        nfv.Process.Close();

        await ExpectRepliedAsync(exit, "");
        await ExpectTerminatedAsync(nfv.Actor);
        await DeregisteredAsync(Nfv1);
    }

    [Fact]
    public async Task After_exit_is_answered_the_process_is_deregistered_without_waiting_for_the_close()
    {
        var primary = await ConnectAsync(ProcessId.Primary);

        var exit = Ask(new ProcessRequest(ProcessId.Primary, "exit", Terminates: true));
        Assert.Equal("exit", await primary.Process.NextCommandAsync());
        await primary.Process.SendAsync(Padded("""{"result":"succeeded","command":"exit"}"""));

        await ExpectRepliedAsync(exit, """{"result":"succeeded","command":"exit"}""");
        await EndedAsync(primary);
        await AwaitAssertAsync(() => Assert.Null(Directory.Snapshot.Primary));
    }
}
