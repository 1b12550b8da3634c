using System.Text;
using Spp.Actors.Messages;
using Spp.Actors.Tests.Fakes;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.3 as the process actor sees it: where a reply ends, and bytes nobody asked for.</summary>
public sealed class ReplyFramingTests : ControllerTest
{
    /// <summary>Long enough for bytes on loopback to reach the actor; only used to show something does not happen.</summary>
    private static readonly TimeSpan Unchanged = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_padded_reply_split_over_many_writes_is_framed_whole()
    {
        var nfv = await ConnectAsync(Nfv1);
        const string reply = """{"result":"succeeded","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""";

        var patch = Ask(Nfv1, "patch phy:0 ring:0");
        Assert.Equal("patch phy:0 ring:0", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendInPiecesAsync(Padded(reply)[..512], pieceSize: 7);
        await nfv.Process.SendInPiecesAsync(Padded(reply)[512..], pieceSize: 4000);

        await ExpectRepliedAsync(patch, reply);
    }

    [Fact]
    public async Task A_spaced_reply_split_over_many_writes_is_framed_whole()
    {
        var vf = await ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "error", "error_details": { "message": "no such component: \"fwd9\" }" } } ] }""";

        var stop = Ask(Vf1, "stop fwd9");
        Assert.Equal("stop fwd9", await vf.Process.NextCommandAsync());
        await vf.Process.SendInPiecesAsync(Encoding.ASCII.GetBytes(reply), pieceSize: 1);

        await ExpectRepliedAsync(stop, reply);
    }

    [Fact]
    public async Task A_reply_larger_than_4096_bytes_over_many_segments_is_framed_exactly()
    {
        var vf = await ConnectAsync(Vf1);
        var ports = string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"\"ring:{i}\""));
        var reply = $$"""{ "results": [ { "result": "success" } ], "info": { "client-id": 1, "ports": [ {{ports}} ] } }""";
        Assert.True(reply.Length > 3 * 4096);

        var status = Ask(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendInPiecesAsync(Encoding.ASCII.GetBytes(reply), pieceSize: 1500);

        await ExpectRepliedAsync(status, reply);
        var next = Ask(Vf1, "stop fwd1");
        Assert.Equal("stop fwd1", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ] }""");
        await ExpectRepliedAsync(next, """{ "results": [ { "result": "success" } ] }""");
    }

    [Fact]
    public async Task A_text_reply_is_complete_once_the_line_goes_quiet()
    {
        var vf = await ConnectAsync(Vf1);

        var command = Ask(Vf1, "bogus");
        Assert.Equal("bogus", await vf.Process.NextCommandAsync());
        await vf.Process.SendInPiecesAsync(Encoding.ASCII.GetBytes("Wrong message format"), pieceSize: 6);

        var replied = await ExpectRepliedAsync(command, "Wrong message format");
        Assert.Null(replied.Status);
        var status = Ask(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ] }""");
        await ExpectRepliedAsync(status, """{ "results": [ { "result": "success" } ] }""");
    }

    [Fact]
    public async Task The_NUL_padding_of_a_padded_reply_is_dropped_while_idle()
    {
        var nfv = await ConnectAsync(Nfv1);
        const string reply = """{"result":"succeeded","command":"forward"}""";

        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded(reply));
        await ExpectRepliedAsync(forward, reply);
        await nfv.Process.SendAsync(Nuls(100));

        await StaysConnectedAsync(nfv);
        var stop = Ask(Nfv1, "stop");
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        await ExpectRepliedAsync(stop, """{"result":"succeeded","command":"stop"}""");
    }

    [Fact]
    public async Task The_NUL_padding_of_a_padded_reply_may_trickle_in_while_idle()
    {
        var nfv = await ConnectAsync(Nfv1);
        const string reply = """{"result":"succeeded","command":"forward"}""";

        var forward = Ask(Nfv1, "forward");
        Assert.Equal("forward", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(reply);
        await ExpectRepliedAsync(forward, reply);
        await nfv.Process.SendInPiecesAsync(Nuls(BlockSize - reply.Length), pieceSize: 4096);

        await StaysConnectedAsync(nfv);
        var stop = Ask(Nfv1, "stop");
        Assert.Equal("stop", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("""{"result":"succeeded","command":"stop"}"""));
        await ExpectRepliedAsync(stop, """{"result":"succeeded","command":"stop"}""");
    }

    [Fact]
    public async Task Bytes_other_than_NUL_while_no_command_is_pending_end_the_connection()
    {
        var vf = await ConnectAsync(Vf1);

        await vf.Process.SendAsync("""{ "results": [ { "result": "success" } ] }""");

        await EndedAsync(vf);
        await DeregisteredAsync(Vf1);
        await ExpectGoneAsync(Ask(Vf1, "status"));
    }

    [Fact]
    public async Task Bytes_arriving_together_with_the_end_of_a_reply_end_the_connection_at_once()
    {
        var vf = await ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "success" } ] }""";

        var start = Ask(Vf1, "start fwd1");
        Assert.Equal("start fwd1", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(reply + """{ "results": [ { "result": "success" } ] }""");

        await ExpectRepliedAsync(start, reply);
        await EndedAsync(vf);
        await DeregisteredAsync(Vf1);
    }

    [Fact]
    public async Task Bytes_arriving_together_with_the_end_of_a_reply_are_never_taken_for_the_reply_to_the_next_command()
    {
        var vf = await ConnectAsync(Vf1);
        const string reply = """{ "results": [ { "result": "success" } ] }""";

        var start = Ask(Vf1, "start fwd1");
        Assert.Equal("start fwd1", await vf.Process.NextCommandAsync());
        var stop = Ask(Vf1, "stop fwd1");
        await vf.Process.SendAsync(reply + """{ "results": [ { "result": "error" } ] }""");

        await ExpectRepliedAsync(start, reply);
        await EndedAsync(vf);
        await ExpectGoneAsync(stop);
    }

    [Fact]
    public async Task A_reply_larger_than_16_MiB_fails_with_reply_too_large_and_the_connection_goes()
    {
        var vf = await ConnectAsync(Vf1);
        var endless = new byte[1024 * 1024];
        Array.Fill(endless, (byte)' ');
        endless[0] = (byte)'[';

        var status = Ask(Vf1, "status");
        Assert.Equal("status", await vf.Process.NextCommandAsync());
        await vf.Process.SendAsync(endless);
        endless[0] = (byte)' ';
        for (var mebibytes = 1; mebibytes <= 16; mebibytes++) await vf.Process.SendAsync(endless);

        await ExpectFailedAsync(status, LineFailure.ReplyTooLarge);
        await EndedAsync(vf);
        await DeregisteredAsync(Vf1);
    }

    [Fact]
    public async Task An_echo_reply_is_the_text_of_its_block_before_the_first_NUL()
    {
        var nfv = await ConnectAsync(Nfv1);

        var reset = Ask(Nfv1, "patch reset");
        Assert.Equal("patch reset", await nfv.Process.NextCommandAsync());
        await nfv.Process.SendAsync(Padded("patch\0reset"));

        await ExpectRepliedAsync(reset, "patch");
        await StaysConnectedAsync(nfv);
    }

    /// <summary>The actor keeps the connection: it does not stop, and stays registered.</summary>
    private async Task StaysConnectedAsync(Connection connection)
    {
        Watch(connection.Actor);
        await ExpectNoMsgAsync(Unchanged);
        Unwatch(connection.Actor);
        Assert.Equal(connection.Actor, Directory.Snapshot.Find(Nfv1)?.Actor);
    }
}
