using System.Text.Json;
using Spp.Protocol.Framing;
using Spp.Protocol.Replies;
using static Spp.Protocol.Tests.Framing.ReplyFramerTests;

namespace Spp.Protocol.Tests.Replies;

/// <summary>rest-api.md 1.9.4 and the reply vectors of 4.1; wire-protocol.md 5-11.</summary>
public class ReplyReaderTests
{
    // ---- primary and nfv, a command that changes something

    [Fact]
    public void A_padded_failed_reply_is_a_command_error_named_by_its_command() =>
        Assert.Equal(new ReplyVerdict.CommandFailed("add failed"),
            ReplyReader.Mutation(ReplyFamily.Padded,
                FramedPadded("""{"result":"failed","command":"add","port":"ring:9"}"""), "add ring:9"));

    [Fact]
    public void A_failed_reply_without_command_is_named_by_the_first_word_sent()
    {
        Assert.Equal(new ReplyVerdict.CommandFailed("del failed"),
            ReplyReader.Mutation(ReplyFamily.Padded, Ascii("""{"result":"failed"}"""), "del vhost:1"));
        Assert.Equal(new ReplyVerdict.CommandFailed("patch failed"),
            ReplyReader.Mutation(ReplyFamily.Padded, Ascii("""{"result":"failed","command":7}"""), "patch phy:0nq1 ring:0"));
        Assert.Equal(new ReplyVerdict.CommandFailed("exit failed"),
            ReplyReader.Mutation(ReplyFamily.Padded, Ascii("""{"result":"failed"}"""), "exit"));
    }

    [Theory]
    [InlineData("""{"result":"succeeded","command":"add","port":"ring:0"}""")]
    [InlineData("""{"result":"succeeded","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""")]
    [InlineData("""{"result":"succeeded","command":"launch"}""")]
    [InlineData("""{"results":[{"result":"error","error_details":{"message":"x"}}]}""")]
    [InlineData("""{"result":"FAILED"}""")]
    [InlineData("""{"result":1}""")]
    [InlineData("""{"result":null,"command":"add"}""")]
    [InlineData("""{"result":["failed"]}""")]
    [InlineData("""{}""")]
    [InlineData("""[{"result":"failed"}]""")]
    [InlineData("\"failed\"")]
    public void Any_other_padded_json_reply_is_success(string reply) =>
        Assert.Equal(ReplyVerdict.Done, ReplyReader.Mutation(ReplyFamily.Padded, Ascii(reply), "add ring:0"));

    [Fact]
    public void The_echo_of_patch_reset_is_success()
    {
        var framer = Expecting(ReplyFamily.Padded);
        var reply = framer.Read(Framing.Segments.Of(Block("patch\0reset")), out _, out _).Reply!;

        Assert.Equal(ReplyVerdict.Done, ReplyReader.Mutation(ReplyFamily.Padded, reply, "patch reset"));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("{\"result\":\"failed\"")]
    [InlineData("")]
    public void A_padded_reply_that_is_not_json_is_success(string reply) =>
        Assert.Equal(ReplyVerdict.Done, ReplyReader.Mutation(ReplyFamily.Padded, Ascii(reply), "add ring:0"));

    // ---- vf, mirror, pcap, any command but status

    [Fact]
    public void A_worker_success_is_success() =>
        Assert.Equal(ReplyVerdict.Done,
            ReplyReader.Mutation(ReplyFamily.Stream, Ascii("""{ "results": [ { "result": "success" } ] }"""), "component stop fwd1"));

    [Fact]
    public void A_worker_error_is_a_command_error_with_its_message()
    {
        Assert.Equal(new ReplyVerdict.CommandFailed("x"),
            ReplyReader.Mutation(ReplyFamily.Stream, Ascii("""{"results":[{"result":"error","error_details":{"message":"x"}}]}"""), "start"));
        Assert.Equal(new ReplyVerdict.CommandFailed("Invalid value (component name)"),
            ReplyReader.Mutation(ReplyFamily.Stream,
                Ascii("""{ "results": [ { "result": "error", "error_details": { "message": "Invalid value (component name)" } } ] }"""),
                "component start fwd1 2 forward"));
    }

    [Theory]
    [InlineData("""{ "results": [ { "result": "error" } ] }""")]
    [InlineData("""{ "results": [ { "result": "error", "error_details": { } } ] }""")]
    [InlineData("""{ "results": [ { "result": "error", "error_details": { "message": 3 } } ] }""")]
    [InlineData("""{ "results": [ { "result": "error", "error_details": "x" } ] }""")]
    public void A_worker_error_without_message_is_an_unknown_error(string reply) =>
        Assert.Equal(new ReplyVerdict.CommandFailed("unknown error"),
            ReplyReader.Mutation(ReplyFamily.Stream, Ascii(reply), "component stop fwd1"));

    [Theory]
    [InlineData("patch", "not JSON")]
    [InlineData("{ \"results\": [ ", "not JSON")]
    [InlineData("", "not JSON")]
    [InlineData("[ { \"result\": \"success\" } ]", "not a JSON object")]
    [InlineData("{ }", "missing results")]
    [InlineData("{ \"results\": [  ] }", "missing results")]
    [InlineData("{ \"results\": { \"result\": \"success\" } }", "missing results")]
    [InlineData("{ \"results\": [ \"success\" ] }", "missing results")]
    [InlineData("{ \"results\": [ { } ] }", "missing results")]
    [InlineData("{ \"results\": [ { \"result\": \"invalid\" } ] }", "unknown result")]
    [InlineData("{ \"results\": [ { \"result\": \"succeeded\" } ] }", "unknown result")]
    [InlineData("{ \"results\": [ { \"result\": null } ] }", "unknown result")]
    [InlineData("{ \"results\": [ { \"result\": 0 } ] }", "unknown result")]
    [InlineData("{ \"results\": [ { \"result\": [ \"error\" ] } ] }", "unknown result")]
    public void Any_other_worker_reply_is_unusable(string reply, string reason) =>
        Assert.Equal(new ReplyVerdict.Unusable(reason), ReplyReader.Mutation(ReplyFamily.Stream, Ascii(reply), "start"));

    // ---- status

    [Fact]
    public void A_padded_status_is_the_object_itself()
    {
        var verdict = ReplyReader.Status(ReplyFamily.Padded, FramedPadded(NfvStatusMultiQueue));

        AssertAccepted(NfvStatusMultiQueue, verdict);
    }

    [Fact]
    public void An_nfv_status_that_is_text_is_not_a_json_object() =>
        Assert.Equal(new ReplyVerdict.Unusable("not a JSON object"),
            ReplyReader.Status(ReplyFamily.Padded, FramedPadded("status: idling")));

    [Theory]
    [InlineData("[0,1]")]
    [InlineData("running")]
    [InlineData("{\"client-id\":1")]
    public void A_padded_status_that_is_no_json_object_is_unusable(string reply) =>
        Assert.Equal(new ReplyVerdict.Unusable("not a JSON object"), ReplyReader.Status(ReplyFamily.Padded, Ascii(reply)));

    [Fact]
    public void A_worker_status_is_its_info()
    {
        var verdict = ReplyReader.Status(ReplyFamily.Stream, Ascii(MirrorStatus));

        using var whole = JsonDocument.Parse(MirrorStatus);
        AssertAccepted(whole.RootElement.GetProperty("info").GetRawText(), verdict);
    }

    [Theory]
    [InlineData("""{ "results": [ { "result": "success" } ] }""")]
    [InlineData("""{ "results": [ { "result": "success" } ], "info": [  ] }""")]
    [InlineData("""{ "results": [ { "result": "success" } ], "info": null }""")]
    public void A_worker_status_without_info_object_is_missing_info(string reply) =>
        Assert.Equal(new ReplyVerdict.Unusable("missing info"), ReplyReader.Status(ReplyFamily.Stream, Ascii(reply)));

    [Fact]
    public void A_worker_status_error_is_a_command_error() =>
        Assert.Equal(new ReplyVerdict.CommandFailed("Wrong message format"),
            ReplyReader.Status(ReplyFamily.Stream,
                Ascii("""{ "results": [ { "result": "error", "error_details": { "message": "Wrong message format" } } ] }""")));

    [Fact]
    public void A_worker_status_that_is_not_json_is_unusable() =>
        Assert.Equal(new ReplyVerdict.Unusable("not JSON"), ReplyReader.Status(ReplyFamily.Stream, Ascii("status")));

    // ---- flow

    [Theory]
    [InlineData("""{"result": "success", "message": "Flow rule validated"}""")]
    [InlineData("""{"result": "success", "message": "Flow rule #0 created", "rule_id": "0"}""")]
    [InlineData("""{"result": "error", "message": "Flow command invalid argument"}""")]
    [InlineData("""{"result": "error", "message": "Flow rule #3 not found"}""")]
    [InlineData("""{"result": "error", "message": "Flow validate error\nerror type: 13 (specific pattern item)\nerror message: (no stated reason)\nrte_errno: Invalid argument"}""")]
    public void A_flow_reply_object_is_accepted_whatever_its_result(string reply) =>
        AssertAccepted(reply, ReplyReader.Flow(FramedPadded(reply)));

    [Theory]
    [InlineData("flow")]
    [InlineData("[]")]
    [InlineData("")]
    public void A_flow_reply_that_is_no_json_object_is_unusable(string reply) =>
        Assert.Equal(new ReplyVerdict.Unusable("not a JSON object"), ReplyReader.Flow(Ascii(reply)));

    // ---- helpers

    /// <summary>What the framer makes of the text followed by NUL padding to 32768 bytes.</summary>
    internal static byte[] FramedPadded(string text)
    {
        var framer = Expecting(ReplyFamily.Padded);
        var outcome = framer.Read(Framing.Segments.Of(Padded(text)), out _, out _);
        if (outcome.Kind != FrameKind.Reply) outcome = framer.CompleteOnIdle();
        return outcome.Reply!;
    }

    private static void AssertAccepted(string expectedJson, ReplyVerdict verdict)
    {
        var accepted = Assert.IsType<ReplyVerdict.Accepted>(verdict);
        Assert.NotNull(accepted.Value);
        using var expected = JsonDocument.Parse(expectedJson);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, accepted.Value.Value), accepted.Value.Value.GetRawText());
    }
}
