using System.Diagnostics;
using Spp.Actors.Connections;
using Spp.Actors.Events;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>
/// rest-api.md 1.9.1: a newcomer that does not answer <c>_get_client_id</c> in time is closed, and while it is
/// waited for, others are identified. A timeout shorter than the default keeps the wait short.
/// </summary>
public sealed class IdentificationTimeoutTests() : ControllerTest(new ControllerSettings { IdentificationTimeout = IdentificationTimeout })
{
    private static readonly TimeSpan IdentificationTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_newcomer_that_does_not_answer_in_time_is_closed_and_never_registered()
    {
        var clock = Stopwatch.StartNew();
        var newcomer = await NewcomerAsync(SppPort.Secondary);

        Assert.Equal("_get_client_id", await newcomer.NextCommandAsync());

        Assert.Equal("", await newcomer.ClosedByControllerAsync());
        Assert.InRange(clock.Elapsed, IdentificationTimeout - TimeSpan.FromMilliseconds(20), Patience);
        Assert.Empty(Directory.Snapshot.All);
    }

    [Fact]
    public async Task A_silent_newcomer_does_not_delay_another_newcomer()
    {
        using var events = Events.Subscribe();
        var silent = await NewcomerAsync(SppPort.Secondary);
        Assert.Equal("_get_client_id", await silent.NextCommandAsync());

        await ConnectAsync(Vf1);

        // Registered while the silent one was still being waited for.
        Assert.DoesNotContain(Published(events), e => e is ProcessEvent.Disconnected);
        Assert.Equal("", await silent.ClosedByControllerAsync());
        Assert.Equal([Vf1], Directory.Snapshot.All.Select(r => r.Id));
    }
}
