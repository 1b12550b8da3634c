using Akka.TestKit;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// rest-api.md 1.9.5: a new connection takes over an id (or the primary slot) at once; the command in flight on the
/// old one fails, the requests queued for it go to the new one if it has the same type.
/// </summary>
public sealed class ReconnectTests : ControllerTest
{
    /// <summary>nfv:1 with "forward" in flight (never answered) and "stop", "clear" queued behind it.</summary>
    private async Task<(Connection Old, TestProbe InFlight, TestProbe[] Queued)> BusyNfv1Async()
    {
        var old = await ConnectAsync(Nfv1);
        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await old.Process.NextCommandAsync());
        var queued = new[] { Ask(Nfv1, "stop"), Ask(Nfv1, "clear") };
        return (old, forward, queued);
    }

    [Fact]
    public async Task The_new_registration_takes_effect_at_once_while_the_old_connection_is_busy()
    {
        var (old, _, _) = await BusyNfv1Async();

        var newcomer = await ConnectAsync(Nfv1);

        Assert.Equal(newcomer.Actor, Directory.Snapshot.Find(Nfv1)?.Actor);
        Assert.NotEqual(old.Actor, newcomer.Actor);
    }

    [Fact]
    public async Task The_command_in_flight_on_the_old_connection_fails_with_connection_replaced_at_once()
    {
        var (old, inFlight, _) = await BusyNfv1Async();

        await ConnectAsync(Nfv1);

        await ExpectFailedAsync(inFlight, LineFailure.ConnectionReplaced);
        await EndedAsync(old);
    }

    [Fact]
    public async Task Requests_queued_for_the_old_connection_are_sent_once_each_on_the_new_one_in_order()
    {
        var (old, inFlight, queued) = await BusyNfv1Async();

        var newcomer = await ConnectAsync(Nfv1);

        Assert.Equal("stop", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        Assert.Equal("clear", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        await ExpectRepliedAsync(queued[0], """{"result":"succeeded","command":"stop"}""");
        await ExpectRepliedAsync(queued[1], """{"result":"succeeded","command":"clear"}""");
        await ExpectFailedAsync(inFlight, LineFailure.ConnectionReplaced);

        await EndedAsync(old);
        Assert.True(newcomer.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task Requests_queued_for_the_old_connection_are_answered_gone_if_the_new_one_has_another_type()
    {
        var (old, inFlight, queued) = await BusyNfv1Async();

        var newcomer = await ConnectAsync(Vf1);

        await ExpectFailedAsync(inFlight, LineFailure.ConnectionReplaced);
        await ExpectGoneAsync(queued[0]);
        await ExpectGoneAsync(queued[1]);
        Assert.Null(Directory.Snapshot.Find(Nfv1));
        Assert.Equal(newcomer.Actor, Directory.Snapshot.Find(Vf1)?.Actor);
        await EndedAsync(old);
        Assert.True(newcomer.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task An_idle_old_connection_is_let_go_and_the_new_one_serves()
    {
        var old = await ConnectAsync(Nfv1);

        var newcomer = await ConnectAsync(Nfv1);
        await EndedAsync(old);

        var status = Ask(Nfv1, "status");
        Assert.Equal("status", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"client-id":1,"status":"idling","ports":[],"patches":[]}"""));
        await ExpectRepliedAsync(status, """{"client-id":1,"status":"idling","ports":[],"patches":[]}""");
    }

    [Fact]
    public async Task A_new_primary_connection_replaces_the_primary()
    {
        var old = await ConnectAsync(ProcessId.Primary);
        var forward = Ask(ProcessId.Primary, "forward");
        Assert.Equal("forward", await old.Process.NextCommandAsync());

        var newcomer = await ConnectAsync(ProcessId.Primary);

        Assert.Equal(newcomer.Actor, Directory.Snapshot.Primary?.Actor);
        await ExpectFailedAsync(forward, LineFailure.ConnectionReplaced);
        await EndedAsync(old);
    }

    [Fact]
    public async Task The_old_registration_leaving_later_does_not_remove_the_new_one()
    {
        var (old, _, queued) = await BusyNfv1Async();
        var newcomer = await ConnectAsync(Nfv1);
        await EndedAsync(old);

        // The queued requests reach the newcomer only after the registry has handled the old actor's end.
        Assert.Equal("stop", await newcomer.Process.NextCommandAsync());
        await newcomer.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        await ExpectRepliedAsync(queued[0], """{"result":"succeeded","command":"stop"}""");

        Assert.Equal(newcomer.Actor, Directory.Snapshot.Find(Nfv1)?.Actor);
    }
}
