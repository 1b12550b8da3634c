using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>An asker that gives up before its command's turn: the command is skipped.</summary>
public sealed class CancellationTests : ControllerTest
{
    [Fact]
    public async Task A_request_cancelled_before_its_turn_is_never_sent_and_is_answered_abandoned()
    {
        var nfv = await ConnectAsync(Nfv1);
        using var giveUp = new CancellationTokenSource();

        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        var stop = Ask(new ProcessRequest(Nfv1, "stop", Cancellation: giveUp.Token));
        var clear = Ask(Nfv1, "clear");
        await giveUp.CancelAsync();
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));

        Assert.Equal("clear", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        await stop.ExpectMsgAsync<ProcessOutcome.Abandoned>();
        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
        await ExpectRepliedAsync(clear, """{"result":"succeeded","command":"clear"}""");
        Assert.True(nfv.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task An_ask_whose_caller_gives_up_is_abandoned_and_its_command_never_sent()
    {
        var nfv = await ConnectAsync(Nfv1);
        using var giveUp = new CancellationTokenSource();
        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());

        var stop = ProcessRegistry.AskAsync(Registry, new ProcessRequest(Nfv1, "stop", Cancellation: giveUp.Token), Settings);
        var clear = Ask(Nfv1, "clear");
        await giveUp.CancelAsync();

        Assert.IsType<ProcessOutcome.Abandoned>(await stop.WaitAsync(Patience));
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"forward"}"""));
        Assert.Equal("clear", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"clear"}"""));
        await ExpectRepliedAsync(forward, """{"result":"succeeded","command":"forward"}""");
        await ExpectRepliedAsync(clear, """{"result":"succeeded","command":"clear"}""");
    }
}
