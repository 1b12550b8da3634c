using System.Diagnostics;
using Spp.Actors.Events;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.3: a command without a complete reply in time fails, and the connection goes.</summary>
public sealed class TimeoutTests() : ControllerTest(new ControllerSettings { CommandTimeout = Timeout })
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_command_without_a_reply_fails_with_timeout_once_the_timeout_has_passed()
    {
        var nfv = await ConnectAsync(Nfv1);
        var clock = Stopwatch.StartNew();

        var status = Ask(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());

        await ExpectFailedAsync(status, LineFailure.Timeout);
        Assert.InRange(clock.Elapsed, Timeout - TimeSpan.FromMilliseconds(20), Timeout + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_reply_still_incomplete_when_the_timeout_passes_fails_with_timeout()
    {
        var vf = await ConnectAsync(Vf1);

        var status = Ask(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ], "info": { """);

        await ExpectFailedAsync(status, LineFailure.Timeout);
    }

    [Fact]
    public async Task A_timeout_closes_the_connection_and_deregisters_the_process()
    {
        var nfv = await ConnectAsync(Nfv1);
        using var events = Events.Subscribe();

        var status = Ask(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        await ExpectFailedAsync(status, LineFailure.Timeout);

        await EndedAsync(nfv);
        await DeregisteredAsync(Nfv1);
        await ExpectGoneAsync(Ask(Nfv1, "status"));
        var timedOut = Assert.Single(Published(events).OfType<ProcessEvent.TimedOut>());
        Assert.Equal((Nfv1, "status", Timeout), (timedOut.Process, timedOut.Command, timedOut.Limit));
    }

    [Fact]
    public async Task Requests_queued_behind_a_timed_out_command_are_answered_gone_and_never_sent()
    {
        var nfv = await ConnectAsync(Nfv1);

        var status = Ask(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        var forward = Ask(Nfv1, "forward");
        var stop = Ask(Nfv1, "stop");

        await ExpectFailedAsync(status, LineFailure.Timeout);
        await ExpectGoneAsync(forward);
        await ExpectGoneAsync(stop);
        Assert.Null(Directory.Snapshot.Find(Nfv1));
        await EndedAsync(nfv);
    }

    /// <summary>A status gate's <c>status</c> is bounded like any command.</summary>
    [Fact]
    public async Task A_status_that_never_comes_fails_the_request_and_the_command_is_never_sent()
    {
        var nfv = await ConnectAsync(Nfv1);

        var patch = Ask(new ProcessRequest(Nfv1, "patch phy:0 ring:0", Gate: _ => null));
        Assert.Equal("status", await nfv.Process.NextCommandAsync());

        await ExpectFailedAsync(patch, LineFailure.Timeout);
        await EndedAsync(nfv);
    }
}
