using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.Controller;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// rest-api.md 1.9.5: a new connection takes over an id (or the primary slot) at once; the command in flight on the
/// old one fails, the requests queued for it go to the new one if it has the same type.
/// </summary>
public sealed class ReconnectTests
{
    // Far longer than any test waits: whatever fails here fails because of the replacement, not a timeout.
    private readonly Controller controller = new(new ControllerSettings { CommandTimeout = TimeSpan.FromSeconds(60) });

    /// <summary>nfv:1 with "forward" in flight (never answered) and "stop", "clear" queued behind it.</summary>
    private async Task<(Connection Old, Task<ProcessOutcome> InFlight, Task<ProcessOutcome>[] Queued)> BusyNfv1Async()
    {
        var old = await controller.ConnectAsync(Nfv1);
        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await old.Process.NextCommandAsync());
        var queued = new[] { controller.AskAsync(Nfv1, "stop"), controller.AskAsync(Nfv1, "clear") };
        return (old, forward, queued);
    }

    [Fact]
    public async Task The_new_registration_takes_effect_at_once_while_the_old_connection_is_busy()
    {
        await BusyNfv1Async();

        var newcomer = await controller.ConnectAsync(Nfv1);

        Assert.Same(newcomer.Actor, controller.Registry.Snapshot.Find(Nfv1));
    }

    [Fact]
    public async Task The_command_in_flight_on_the_old_connection_fails_with_connection_replaced_at_once()
    {
        var (old, inFlight, _) = await BusyNfv1Async();

        await controller.ConnectAsync(Nfv1);

        Expect.Failed(LineFailure.ConnectionReplaced, await inFlight.Answer());
        await old.Ended;
    }

    [Fact]
    public async Task Requests_queued_for_the_old_connection_are_sent_once_each_on_the_new_one_in_order()
    {
        var (old, inFlight, queued) = await BusyNfv1Async();

        var newcomer = await controller.ConnectAsync(Nfv1);

        Assert.Equal("stop", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        Assert.Equal("clear", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        Expect.Replied("""{"result":"succeeded","command":"stop"}""", await queued[0].Answer());
        Expect.Replied("""{"result":"succeeded","command":"clear"}""", await queued[1].Answer());

        Assert.True(newcomer.Process.HasNoCommandWaiting());
        await old.Ended;
        Assert.True(old.Process.HasNoCommandWaiting());
        Expect.Failed(LineFailure.ConnectionReplaced, await inFlight.Answer());
    }

    [Fact]
    public async Task Requests_queued_for_the_old_connection_are_answered_gone_if_the_new_one_has_another_type()
    {
        var (old, inFlight, queued) = await BusyNfv1Async();

        var newcomer = await controller.ConnectAsync(Vf1);

        Expect.Failed(LineFailure.ConnectionReplaced, await inFlight.Answer());
        Expect.Gone(await queued[0].Answer());
        Expect.Gone(await queued[1].Answer());
        Assert.Null(controller.Registry.Snapshot.Find(Nfv1));
        Assert.Same(newcomer.Actor, controller.Registry.Snapshot.Find(Vf1));
        Assert.True(newcomer.Process.HasNoCommandWaiting());
        await old.Ended;
        Assert.True(old.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task An_idle_old_connection_is_let_go_and_the_new_one_serves()
    {
        var old = await controller.ConnectAsync(Nfv1);

        var newcomer = await controller.ConnectAsync(Nfv1);
        await old.Ended;

        var status = controller.AskAsync(Nfv1, "status");
        Assert.Equal("status", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"client-id":1,"status":"idling","ports":[],"patches":[]}"""));
        Expect.Replied("""{"client-id":1,"status":"idling","ports":[],"patches":[]}""", await status.Answer());
        Assert.True(old.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task A_new_primary_connection_replaces_the_primary()
    {
        var old = await controller.ConnectAsync(ProcessId.Primary);
        var forward = controller.AskAsync(ProcessId.Primary, "forward");
        Assert.Equal("forward", await old.Process.NextCommandAsync());

        var newcomer = await controller.ConnectAsync(ProcessId.Primary);

        Assert.Same(newcomer.Actor, controller.Registry.Snapshot.Primary);
        Expect.Failed(LineFailure.ConnectionReplaced, await forward.Answer());
        await old.Ended;
    }

    [Fact]
    public async Task The_old_registration_leaving_later_does_not_remove_the_new_one()
    {
        var (old, _, queued) = await BusyNfv1Async();
        var newcomer = await controller.ConnectAsync(Nfv1);
        await old.Ended;

        // The queued requests reach the newcomer only after the registry has handled the old actor's end.
        Assert.Equal("stop", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        await queued[0].Answer();

        Assert.Same(newcomer.Actor, controller.Registry.Snapshot.Find(Nfv1));
    }
}
