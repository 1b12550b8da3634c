using System.Diagnostics;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.Controller;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.3: a command without a complete reply in time fails, and the connection goes.</summary>
public sealed class TimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    private readonly Controller controller = new(new ControllerSettings { CommandTimeout = Timeout });

    [Fact]
    public async Task A_command_without_a_reply_fails_with_timeout_once_the_timeout_has_passed()
    {
        var nfv = await controller.ConnectAsync(Nfv1);
        var clock = Stopwatch.StartNew();

        var status = controller.AskAsync(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());

        Expect.Failed(LineFailure.Timeout, await status.Answer());
        Assert.InRange(clock.Elapsed, Timeout - TimeSpan.FromMilliseconds(20), Timeout + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_reply_still_incomplete_when_the_timeout_passes_fails_with_timeout()
    {
        var vf = await controller.ConnectAsync(Vf1);

        var status = controller.AskAsync(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ], "info": { """);

        Expect.Failed(LineFailure.Timeout, await status.Answer());
    }

    [Fact]
    public async Task A_timeout_closes_the_connection_and_deregisters_the_process()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        var status = controller.AskAsync(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        Expect.Failed(LineFailure.Timeout, await status.Answer());

        await nfv.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Nfv1) is null, "nfv:1 deregistered");
        Expect.Gone(await controller.AskAsync(Nfv1, "status").Answer());
    }

    [Fact]
    public async Task Requests_queued_behind_a_timed_out_command_are_answered_gone_and_never_sent()
    {
        var nfv = await controller.ConnectAsync(Nfv1);

        var status = controller.AskAsync(Nfv1, "status");
        Assert.Equal("status", await nfv.Process.NextCommandAsync());
        var forward = controller.AskAsync(Nfv1, "forward");
        var stop = controller.AskAsync(Nfv1, "stop");

        Expect.Failed(LineFailure.Timeout, await status.Answer());
        Expect.Gone(await forward.Answer());
        Expect.Gone(await stop.Answer());
        Assert.Null(controller.Registry.Snapshot.Find(Nfv1));
        await nfv.Ended;
        Assert.True(nfv.Process.HasNoCommandWaiting());
    }
}
