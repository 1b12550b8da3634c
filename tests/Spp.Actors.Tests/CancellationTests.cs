using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.Controller;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>An asker that gives up before its command's turn: the command is skipped.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task A_request_cancelled_before_its_turn_is_never_sent_and_is_answered_abandoned()
    {
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);
        using var giveUp = new CancellationTokenSource();

        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        var stop = controller.Registry.AskAsync(new ProcessRequest(Nfv1, "stop", Cancellation: giveUp.Token));
        var clear = controller.AskAsync(Nfv1, "clear");
        await giveUp.CancelAsync();
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));

        Assert.Equal("clear", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        Assert.IsType<ProcessOutcome.Abandoned>(await stop.Answer());
        Expect.Replied("""{"result":"succeeded","command":"forward"}""", await forward.Answer());
        Expect.Replied("""{"result":"succeeded","command":"clear"}""", await clear.Answer());
        Assert.True(nfv.Process.HasNoCommandWaiting());
    }
}
