using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.Controller;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.3 as the process actor sees it: where a reply ends, and bytes nobody asked for.</summary>
public sealed class ReplyFramingTests
{
    [Fact]
    public async Task A_padded_reply_split_over_many_writes_is_framed_whole()
    {
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);
        const string reply = """{"result":"succeeded","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""";

        var patch = controller.AskAsync(Nfv1, "patch phy:0 ring:0");
        Assert.Equal("patch phy:0 ring:0", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendInPiecesAsync(Padded(reply), pieceSize: 7);

        Expect.Replied(reply, await patch.Answer());
    }

    [Fact]
    public async Task A_spaced_reply_split_over_many_writes_is_framed_whole()
    {
        var controller = new Controller();
        var vf = await controller.ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "error", "error_details": { "message": "no such component: \"fwd9\" }" } } ] }""";

        var stop = controller.AskAsync(Vf1, "stop fwd9");
        Assert.Equal("stop fwd9", await vf.Process.NextCommandAsync());
        await vf.Process.SendInPiecesAsync(System.Text.Encoding.ASCII.GetBytes(reply), pieceSize: 1);

        Expect.Replied(reply, await stop.Answer());
    }

    [Fact]
    public async Task The_NUL_padding_of_a_padded_reply_is_dropped_while_idle()
    {
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);
        const string reply = """{"result":"succeeded","command":"forward"}""";

        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded(reply));
        Expect.Replied(reply, await forward.Answer());
        await nfv.Process.ControllerHasConsumedAllAsync();

        await nfv.Process.SendAsync(Nuls(100));
        await nfv.Process.ControllerHasConsumedAllAsync();
        Assert.False(nfv.Loop.IsCompleted);
        Assert.Same(nfv.Actor, controller.Registry.Snapshot.Find(Nfv1));
        var stop = controller.AskAsync(Nfv1, "stop");
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        Expect.Replied("""{"result":"succeeded","command":"stop"}""", await stop.Answer());
    }

    [Fact]
    public async Task The_NUL_padding_of_a_padded_reply_may_trickle_in_while_idle()
    {
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);
        const string reply = """{"result":"succeeded","command":"forward"}""";

        var forward = controller.AskAsync(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(reply);
        Expect.Replied(reply, await forward.Answer());
        await nfv.Process.SendInPiecesAsync(Nuls(BlockSize - reply.Length), pieceSize: 4096);
        await nfv.Process.ControllerHasConsumedAllAsync();

        Assert.False(nfv.Loop.IsCompleted);
        var stop = controller.AskAsync(Nfv1, "stop");
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        Expect.Replied("""{"result":"succeeded","command":"stop"}""", await stop.Answer());
    }

    [Fact]
    public async Task Bytes_other_than_NUL_while_no_command_is_pending_end_the_connection()
    {
        var controller = new Controller();
        var vf = await controller.ConnectAsync(Vf1);

        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ] }""");

        await vf.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Vf1) is null, "vf:1 deregistered");
        Expect.Gone(await controller.AskAsync(Vf1, "status").Answer());
    }

    [Fact]
    public async Task Bytes_arriving_together_with_the_end_of_a_reply_end_the_connection_at_once()
    {
        var controller = new Controller();
        var vf = await controller.ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "success" } ] }""";

        var start = controller.AskAsync(Vf1, "start fwd1");
        Assert.Equal("start fwd1", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(reply + """{ "results": [ { "result": "success" } ] }""");

        Expect.Replied(reply, await start.Answer());
        await vf.Ended;
        await Within.Until(() => controller.Registry.Snapshot.Find(Vf1) is null, "vf:1 deregistered");
    }

    [Fact]
    public async Task A_reply_larger_than_16_MiB_fails_with_reply_too_large_and_the_connection_goes()
    {
        var controller = new Controller();
        var vf = await controller.ConnectAsync(Vf1);
        var endless = new byte[1024 * 1024];
        Array.Fill(endless, (byte)' ');
        endless[0] = (byte)'[';

        var status = controller.AskAsync(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(endless);
        endless[0] = (byte)' ';
        for (var mebibytes = 1; mebibytes <= 16; mebibytes++) await vf.Process.SendAsync(endless);

        Expect.Failed(LineFailure.ReplyTooLarge, await status.Answer());
        await vf.Ended;
    }

    [Fact]
    public async Task An_echo_reply_is_the_text_of_its_block_before_the_first_NUL()
    {
        var controller = new Controller();
        var nfv = await controller.ConnectAsync(Nfv1);
        var block = Padded("patch\0reset");

        var reset = controller.AskAsync(Nfv1, "patch reset");
        Assert.Equal("patch reset", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(block);

        Expect.Replied("patch", await reset.Answer());
        Assert.False(nfv.Loop.IsCompleted);
    }
}
