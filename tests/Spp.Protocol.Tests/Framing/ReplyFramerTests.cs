using System.Buffers;
using System.Text;
using System.Text.Json;
using Spp.Protocol.Framing;

namespace Spp.Protocol.Tests.Framing;

/// <summary>rest-api.md 1.9.3; wire-protocol.md 2.5, 2.8.</summary>
public class ReplyFramerTests
{
    private const string AddSucceeded = """{"result":"succeeded","command":"add","port":"ring:0"}""";
    private const string WorkerSuccess = """{ "results": [ { "result": "success" } ] }""";

    // ---- spp_primary and spp_nfv: a reply is one block of 32768 bytes, text then NUL padding

    [Fact]
    public void A_padded_json_reply_is_the_json_text()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var block = Segments.Of(Padded(AddSucceeded));

        var outcome = framer.Read(block, out var consumed, out var examined);

        Assert.Equal(FrameKind.Reply, outcome.Kind);
        Assert.Equal(AddSucceeded, Text(outcome.Reply!));
        Assert.Equal(AddSucceeded.Length, block.Slice(0, consumed).Length);
        Assert.Equal(consumed, examined);
        Assert.False(framer.AwaitingReply);
    }

    [Fact]
    public void The_padding_after_a_padded_json_reply_is_dropped_while_idle()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var block = Padded(AddSucceeded);
        framer.Read(Segments.Of(block), out _, out _);

        var padding = Segments.Of(block[AddSucceeded.Length..]);
        var outcome = framer.Read(padding, out var consumed, out _);

        Assert.Equal(FrameKind.Incomplete, outcome.Kind);
        Assert.Equal(padding.End, consumed);
    }

    [Fact]
    public void The_padding_may_arrive_in_pieces_while_idle()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var feed = new PipeFeed(framer);

        feed.DeliverAll(Segments.Split(Padded(AddSucceeded), [10, AddSucceeded.Length + 1, 4096, 8192, 30000]));

        Assert.Equal([AddSucceeded], feed.Replies.Select(Text));
        Assert.Empty(feed.Violations);
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void A_padded_reply_cut_anywhere_in_two_is_framed_the_same()
    {
        var block = Padded(NfvStatusMultiQueue);
        for (var cut = 0; cut <= NfvStatusMultiQueue.Length + 64; cut++)
        {
            var framer = Expecting(ReplyFamily.Padded);
            var outcome = framer.Read(Segments.Of(Segments.Split(block, [cut])), out _, out _);
            Assert.Equal(NfvStatusMultiQueue, Text(outcome.Reply!));

            var feed = new PipeFeed(Expecting(ReplyFamily.Padded));
            feed.DeliverAll(Segments.Split(block, [cut]));
            Assert.Equal([NfvStatusMultiQueue], feed.Replies.Select(Text));
            Assert.Empty(feed.Violations);
            Assert.Equal(0, feed.Unconsumed);
        }
    }

    [Fact]
    public void A_padded_reply_in_one_byte_segments_is_framed_the_same()
    {
        var block = Padded(NfvStatusMultiQueue);
        var framer = Expecting(ReplyFamily.Padded);
        var bytes = Segments.Of([.. block.Select(b => new[] { b })]);

        var outcome = framer.Read(bytes, out var consumed, out _);
        Assert.Equal(NfvStatusMultiQueue, Text(outcome.Reply!));
        Assert.Equal(NfvStatusMultiQueue.Length, bytes.Slice(0, consumed).Length);

        Assert.Equal(FrameKind.Incomplete, framer.Read(bytes.Slice(consumed), out var rest, out _).Kind);
        Assert.Equal(bytes.End, rest);
    }

    [Fact]
    public void An_echo_reply_in_one_byte_segments_is_framed_the_same()
    {
        var bytes = Segments.Of([.. Block("patch\0reset").Select(b => new[] { b })]);

        var outcome = Expecting(ReplyFamily.Padded).Read(bytes, out var consumed, out _);

        Assert.Equal("patch", Text(outcome.Reply!));
        Assert.Equal(bytes.End, consumed);
    }

    [Fact]
    public void A_padded_reply_delivered_byte_by_byte_is_framed_the_same()
    {
        var feed = new PipeFeed(Expecting(ReplyFamily.Padded));

        feed.DeliverAll(Padded(AddSucceeded).Take(AddSucceeded.Length + 100).Select(b => new[] { b }));

        Assert.Equal([AddSucceeded], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void An_echo_reply_is_the_text_before_the_first_nul()
    {
        var block = Segments.Of(Block("patch\0reset"));
        var framer = Expecting(ReplyFamily.Padded);

        var outcome = framer.Read(block, out var consumed, out _);

        Assert.Equal(FrameKind.Reply, outcome.Kind);
        Assert.Equal("patch", Text(outcome.Reply!));
        Assert.Equal(block.End, consumed);
    }

    [Fact]
    public void An_echo_reply_waits_for_its_whole_block()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var block = Block("patch\0reset");
        var feed = new PipeFeed(framer);

        feed.Deliver(block[..32767]);
        Assert.Empty(feed.Replies);
        Assert.True(framer.WaitsForIdle);

        feed.Deliver(block[32767..]);
        Assert.Equal(["patch"], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
        Assert.False(framer.AwaitingReply);
    }

    [Fact]
    public void An_echo_reply_in_many_pieces_is_framed_the_same()
    {
        var feed = new PipeFeed(Expecting(ReplyFamily.Padded));

        feed.DeliverAll(Segments.Split(Block("hello\0world"), [1, 5, 6, 7, 4096, 8192, 12288, 32767]));

        Assert.Equal(["hello"], feed.Replies.Select(Text));
        Assert.Empty(feed.Violations);
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void A_text_reply_is_complete_when_the_line_goes_quiet()
    {
        var framer = Expecting(ReplyFamily.Padded);

        var outcome = framer.Read(Segments.Of(Ascii("patch\0res")), out _, out _);
        Assert.Equal(FrameKind.Incomplete, outcome.Kind);
        Assert.True(framer.WaitsForIdle);

        var quiet = framer.CompleteOnIdle();
        Assert.Equal(FrameKind.Reply, quiet.Kind);
        Assert.Equal("patch", Text(quiet.Reply!));
        Assert.False(framer.AwaitingReply);
    }

    [Fact]
    public void The_rest_of_a_padded_block_is_dropped_whatever_it_holds()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var block = Block("patch\0reset");
        var feed = new PipeFeed(framer);
        feed.Deliver(block[..3]);
        framer.CompleteOnIdle();

        feed.Deliver(block[3..]);

        Assert.Empty(feed.Violations);
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void A_padded_json_reply_that_never_closes_ends_with_its_block()
    {
        var cut = """{"result":"succeeded","comm""";
        var bytes = Segments.Of([.. Padded(cut), .. Ascii("}")]);
        var framer = Expecting(ReplyFamily.Padded);

        var outcome = framer.Read(bytes, out var consumed, out _);

        Assert.Equal(FrameKind.Reply, outcome.Kind);
        Assert.Equal(cut, Text(outcome.Reply!));
        Assert.Equal(32768, bytes.Slice(0, consumed).Length);
    }

    [Fact]
    public void A_padded_json_reply_longer_than_its_block_is_cut_at_the_block()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("\"0123456789\"", 4000)) + "]";
        var framer = Expecting(ReplyFamily.Padded);

        var outcome = framer.Read(Segments.Of(Ascii(json)), out _, out _);

        Assert.Equal(json[..32768], Text(outcome.Reply!));
    }

    [Fact]
    public void A_padded_json_reply_filling_its_whole_block_ends_at_its_closing_brace()
    {
        var json = """{"a":""" + "\"" + new string('x', 32768 - 8) + "\"}";
        Assert.Equal(32768, json.Length);
        var feed = new PipeFeed(Expecting(ReplyFamily.Padded));

        feed.DeliverAll([Ascii(json), [0, 0]]);

        Assert.Equal([json], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
        Assert.Empty(feed.Violations);
    }

    [Fact]
    public void Leading_nuls_before_a_reply_are_skipped()
    {
        var framer = Expecting(ReplyFamily.Padded);

        var outcome = framer.Read(Segments.Of(new byte[5], [.. new byte[3], .. Padded(AddSucceeded)]), out _, out _);

        Assert.Equal(AddSucceeded, Text(outcome.Reply!));
    }

    [Fact]
    public void Leading_nuls_alone_are_consumed_and_the_reply_still_awaited()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var nuls = Segments.Of(new byte[7], new byte[9]);

        var outcome = framer.Read(nuls, out var consumed, out _);

        Assert.Equal(FrameKind.Incomplete, outcome.Kind);
        Assert.Equal(nuls.End, consumed);
        Assert.True(framer.AwaitingReply);
        Assert.False(framer.WaitsForIdle);
    }

    [Fact]
    public void The_block_is_counted_from_the_first_byte_that_is_not_nul()
    {
        var feed = new PipeFeed(Expecting(ReplyFamily.Padded));

        feed.DeliverAll([new byte[100], Block("hello\0world")[..32700]]);
        Assert.Empty(feed.Replies);
        feed.Deliver(new byte[68]);

        Assert.Equal(["hello"], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void Two_padded_replies_back_to_back_are_framed_one_after_the_other()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var feed = new PipeFeed(framer);
        var first = Padded("""{"result":"succeeded","command":"forward"}""");
        var second = Padded("""{"result":"succeeded","command":"stop"}""");

        feed.DeliverAll(Segments.Split(first, [20, 100]));
        framer.ExpectReply();
        feed.DeliverAll(Segments.Split(second, [5, 50]));

        Assert.Equal(["""{"result":"succeeded","command":"forward"}""", """{"result":"succeeded","command":"stop"}"""],
            feed.Replies.Select(Text));
        Assert.Empty(feed.Violations);
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void Padding_of_the_previous_reply_still_arriving_after_the_next_command_is_skipped()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var feed = new PipeFeed(framer);
        var first = Padded("""{"result":"succeeded","command":"forward"}""");

        feed.Deliver(first[..1000]);
        framer.ExpectReply();
        feed.DeliverAll([first[1000..], .. Segments.Split(Block("patch\0reset"), [3])]);

        Assert.Equal(["""{"result":"succeeded","command":"forward"}""", "patch"], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
    }

    // ---- spp_vf, spp_mirror, spp_pcap: the JSON text and nothing after it

    [Fact]
    public void A_worker_reply_is_spaced_json_with_nothing_after_it()
    {
        var framer = Expecting(ReplyFamily.Stream);
        var reply = Segments.Of(Ascii(WorkerSuccess));

        var outcome = framer.Read(reply, out var consumed, out _);

        Assert.Equal(FrameKind.Reply, outcome.Kind);
        Assert.Equal(WorkerSuccess, Text(outcome.Reply!));
        Assert.Equal(reply.End, consumed);
    }

    [Fact]
    public void A_worker_reply_cut_anywhere_in_two_is_framed_the_same()
    {
        var bytes = Ascii(MirrorStatus);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var outcome = Expecting(ReplyFamily.Stream).Read(Segments.Of(Segments.Split(bytes, [cut])), out _, out _);
            Assert.Equal(MirrorStatus, Text(outcome.Reply!));

            var feed = new PipeFeed(Expecting(ReplyFamily.Stream));
            feed.DeliverAll(Segments.Split(bytes, [cut]));
            Assert.Equal([MirrorStatus], feed.Replies.Select(Text));
            Assert.Equal(0, feed.Unconsumed);
        }
    }

    [Fact]
    public void Braces_and_escaped_quotes_inside_strings_do_not_end_a_reply()
    {
        var json = """{ "results": [ { "result": "error", "error_details": { "message": "} ] \" } { [ \\", "x": "\\\"}" } } ] }""";
        using (JsonDocument.Parse(json)) { }
        var feed = new PipeFeed(Expecting(ReplyFamily.Stream));

        feed.DeliverAll(Segments.Split(Ascii(json), [60, 61, 62, 63]));

        Assert.Equal([json], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void A_reply_may_be_a_json_array()
    {
        var outcome = Expecting(ReplyFamily.Stream).Read(Segments.Of(Ascii("[ { \"a\": [ 1, [ 2 ] ] }, \"]\" ]")), out _, out _);

        Assert.Equal("[ { \"a\": [ 1, [ 2 ] ] }, \"]\" ]", Text(outcome.Reply!));
    }

    [Theory]
    [InlineData(4097)]
    [InlineData(32769)]
    [InlineData(200_000)]
    public void A_worker_reply_is_not_bounded_by_a_block(int atLeast)
    {
        var json = LargeVfStatus(atLeast);
        var feed = new PipeFeed(Expecting(ReplyFamily.Stream));

        feed.DeliverAll(Segments.Split(Ascii(json), Enumerable.Range(1, json.Length / 4096).Select(i => i * 4096)));

        Assert.Equal([json], feed.Replies.Select(Text));
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void A_worker_text_reply_is_not_bounded_by_a_block_either()
    {
        var framer = Expecting(ReplyFamily.Stream);
        var text = new string('x', 40000);

        var outcome = framer.Read(Segments.Of(Ascii(text)), out _, out _);
        Assert.Equal(FrameKind.Incomplete, outcome.Kind);
        Assert.True(framer.WaitsForIdle);

        Assert.Equal(text, Text(framer.CompleteOnIdle().Reply!));
    }

    [Fact]
    public void Bytes_after_a_worker_reply_are_not_part_of_it()
    {
        var framer = Expecting(ReplyFamily.Stream);
        var bytes = Segments.Of(Ascii(WorkerSuccess + "{"));

        var outcome = framer.Read(bytes, out var consumed, out _);

        Assert.Equal(WorkerSuccess, Text(outcome.Reply!));
        Assert.Equal(1, bytes.Slice(consumed).Length);
    }

    [Fact]
    public void Bytes_after_a_complete_reply_are_left_unexamined_so_they_are_looked_at_at_once()
    {
        var framer = Expecting(ReplyFamily.Stream);
        var bytes = Segments.Of(Ascii(WorkerSuccess + "{"));

        framer.Read(bytes, out var consumed, out var examined);

        Assert.Equal(consumed, examined);
    }

    // ---- while no reply is pending

    [Fact]
    public void Nuls_while_no_reply_is_pending_are_dropped()
    {
        var framer = new ReplyFramer(ReplyFamily.Padded);
        var nuls = Segments.Of(new byte[10], new byte[20]);

        var outcome = framer.Read(nuls, out var consumed, out _);

        Assert.Equal(FrameKind.Incomplete, outcome.Kind);
        Assert.Equal(nuls.End, consumed);
    }

    [Theory]
    [InlineData(ReplyFamily.Padded)]
    [InlineData(ReplyFamily.Stream)]
    [InlineData(ReplyFamily.Unknown)]
    public void Other_bytes_while_no_reply_is_pending_break_the_framing(ReplyFamily family)
    {
        var outcome = new ReplyFramer(family).Read(Segments.Of([0, 0, (byte)'x']), out _, out _);

        Assert.Equal(FrameKind.Violation, outcome.Kind);
        Assert.Equal("unexpected bytes while no command is pending", outcome.Violation);
    }

    [Fact]
    public void Bytes_after_a_worker_reply_break_the_framing()
    {
        var feed = new PipeFeed(Expecting(ReplyFamily.Stream));

        feed.Deliver(Ascii(WorkerSuccess + " "));

        Assert.Equal([WorkerSuccess], feed.Replies.Select(Text));
        Assert.Equal(["unexpected bytes while no command is pending"], feed.Violations);
    }

    [Fact]
    public void Bytes_beyond_a_padded_block_break_the_framing()
    {
        var feed = new PipeFeed(Expecting(ReplyFamily.Padded));

        feed.DeliverAll([Padded(AddSucceeded), Ascii("x")]);

        Assert.Equal([AddSucceeded], feed.Replies.Select(Text));
        Assert.Equal(["unexpected bytes while no command is pending"], feed.Violations);
    }

    [Fact]
    public void Nothing_is_awaited_until_a_command_is_sent()
    {
        var framer = new ReplyFramer(ReplyFamily.Padded);

        Assert.False(framer.AwaitingReply);
        Assert.False(framer.WaitsForIdle);
        framer.ExpectReply();
        Assert.True(framer.AwaitingReply);
        Assert.False(framer.WaitsForIdle);
    }

    // ---- size limit

    [Fact]
    public void A_reply_over_16_MiB_breaks_the_framing()
    {
        var feed = new PipeFeed(Expecting(ReplyFamily.Stream));
        var chunk = Ascii("[" + new string('1', 1024 * 1024 - 1));
        feed.Deliver(chunk);
        chunk[0] = (byte)'1';

        for (var i = 1; i < 16 && feed.Violations.Count == 0; i++) feed.Deliver(chunk);
        Assert.Empty(feed.Violations);
        feed.Deliver([(byte)'1']);

        Assert.Equal(["reply too large"], feed.Violations);
    }

    [Fact]
    public void A_reply_of_exactly_16_MiB_is_a_reply()
    {
        var json = new byte[ReplyFramer.MaxReplyBytes];
        json.AsSpan().Fill((byte)'1');
        json[0] = (byte)'[';
        json[^1] = (byte)']';

        var outcome = Expecting(ReplyFamily.Stream).Read(Segments.Of(json), out _, out _);

        Assert.Equal(FrameKind.Reply, outcome.Kind);
        Assert.Equal(json.Length, outcome.Reply!.Length);
    }

    [Fact]
    public void A_reply_over_16_MiB_breaks_the_framing_even_when_it_arrives_whole()
    {
        var json = new byte[ReplyFramer.MaxReplyBytes + 2];
        json.AsSpan().Fill((byte)'1');
        json[0] = (byte)'[';
        json[^1] = (byte)']';

        var outcome = Expecting(ReplyFamily.Stream).Read(Segments.Of(json), out _, out _);

        Assert.Equal(FrameKind.Violation, outcome.Kind);
        Assert.Equal("reply too large", outcome.Violation);
    }

    [Fact]
    public void A_text_reply_over_16_MiB_breaks_the_framing()
    {
        var framer = Expecting(ReplyFamily.Stream);
        var text = new byte[ReplyFramer.MaxReplyBytes + 1];
        text.AsSpan().Fill((byte)'x');

        var outcome = framer.Read(Segments.Of(text), out _, out _);

        Assert.Equal(FrameKind.Violation, outcome.Kind);
        Assert.Equal("reply too large", outcome.Violation);
    }

    // ---- identification: the family is not known yet

    [Fact]
    public void A_newcomers_padded_identification_is_framed_and_its_padding_dropped_once_known()
    {
        var reply = """{"results":[{"result":"success"}],"client_id":1,"process_type":"nfv"}""";
        var framer = Expecting(ReplyFamily.Unknown);
        var feed = new PipeFeed(framer);

        feed.Deliver(Padded(reply)[..500]);
        framer.UseFamily(ReplyFamily.Padded);
        feed.Deliver(Padded(reply)[500..]);

        Assert.Equal([reply], feed.Replies.Select(Text));
        Assert.Empty(feed.Violations);
        Assert.Equal(0, feed.Unconsumed);
    }

    [Fact]
    public void A_newcomers_worker_identification_leaves_no_block_to_drop_once_known()
    {
        var reply = """{ "results": [ { "result": "success" } ], "client_id": 2, "process_type": "vf" }""";
        var framer = Expecting(ReplyFamily.Unknown);
        var feed = new PipeFeed(framer);

        feed.Deliver(Ascii(reply));
        framer.UseFamily(ReplyFamily.Stream);
        feed.Deliver(Ascii("{"));

        Assert.Equal([reply], feed.Replies.Select(Text));
        Assert.Equal(["unexpected bytes while no command is pending"], feed.Violations);
    }

    // ---- helpers and vectors

    internal static ReplyFramer Expecting(ReplyFamily family)
    {
        var framer = new ReplyFramer(family);
        framer.ExpectReply();
        return framer;
    }

    internal static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    internal static string Text(byte[] reply) => Encoding.ASCII.GetString(reply);

    /// <summary>A 32768-byte block: the text, then NULs.</summary>
    internal static byte[] Block(string text)
    {
        var block = new byte[ReplyFramer.PaddedBlockSize];
        Encoding.ASCII.GetBytes(text, block);
        return block;
    }

    /// <summary>The JSON text, then NUL padding to 32768 bytes.</summary>
    internal static byte[] Padded(string json) => Block(json);

    /// <summary>wire-protocol.md 11.2, multi-queue example.</summary>
    internal const string NfvStatusMultiQueue =
        """{"client-id":2,"status":"idling","master-lcore":3,"lcores":[3,4],"ports":["phy:0 nq 0","phy:0 nq 1","phy:1","ring:1"],"patches":[{"src":"phy:0 nq 1","dst":"ring:1"}]}""";

    /// <summary>wire-protocol.md 11.4.</summary>
    internal const string MirrorStatus =
        """{ "results": [ { "result": "success" } ], "info": { "client-id": 3, "phy": [ "0", "1" ], "vhost": [  ], "ring": [ "0", "1", "2" ], "master-lcore": 1, "core": [ { "core": 2, "name": "mr1", "type": "mirror", "rx_port": [ { "port": "ring:0", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ], "tx_port": [ { "port": "ring:1", "vlan": { "operation": "none", "id": 0, "pcp": 0 } }, { "port": "ring:2", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ] }, { "core": 3, "type": "unuse" } ] } }""";

    /// <summary>An spp_vf status with as many classifier entries as it takes to reach <paramref name="atLeast"/> bytes.</summary>
    internal static string LargeVfStatus(int atLeast)
    {
        const string head = """{ "results": [ { "result": "success" } ], "info": { "client-id": 2, "phy": [ "0 nq 0", "0 nq 1" ], "vhost": [  ], "ring": [ "0" ], "master-lcore": 1, "core": [ { "core": 2, "type": "unuse" } ], "classifier_table": [ """;
        const string tail = " ] } }";
        var text = new StringBuilder(head);
        for (var i = 0; text.Length + tail.Length < atLeast; i++)
            text.Append(i == 0 ? "" : ", ")
                .Append($$"""{ "type": "vlan", "value": "{{i % 4096}}/FA:16:3E:7D:CC:{{i % 256:X2}}", "port": "ring:{{i}}" }""");
        return text.Append(tail).ToString();
    }
}
