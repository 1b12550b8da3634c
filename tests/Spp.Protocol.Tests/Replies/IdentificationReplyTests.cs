using Spp.Protocol.Framing;
using Spp.Protocol.Replies;
using static Spp.Protocol.Tests.Framing.ReplyFramerTests;

namespace Spp.Protocol.Tests.Replies;

/// <summary>rest-api.md 1.9.1; wire-protocol.md 3.2, 3.3.</summary>
public class IdentificationReplyTests
{
    [Fact]
    public void Spp_nfv_answers_compact_json_padded_to_its_block()
    {
        var framer = Expecting(ReplyFamily.Unknown);
        var reply = framer.Read(
            Framing.Segments.Of(Padded("""{"results":[{"result":"success"}],"client_id":1,"process_type":"nfv"}""")), out _, out _);

        Assert.Equal(new ProcessId(ProcessType.Nfv, 1), IdentificationReply.Read(reply.Reply!));
    }

    [Theory]
    [InlineData("""{ "results": [ { "result": "success" } ], "client_id": 2, "process_type": "vf" }""", ProcessType.Vf, 2)]
    [InlineData("""{ "results": [ { "result": "success" } ], "client_id": 3, "process_type": "mirror" }""", ProcessType.Mirror, 3)]
    [InlineData("""{ "results": [ { "result": "success" } ], "client_id": 4, "process_type": "pcap" }""", ProcessType.Pcap, 4)]
    public void The_worker_processes_answer_spaced_json(string reply, ProcessType type, int clientId) =>
        Assert.Equal(new ProcessId(type, clientId), IdentificationReply.Read(Ascii(reply)));

    [Fact]
    public void Members_may_come_in_any_order() =>
        Assert.Equal(new ProcessId(ProcessType.Vf, 7),
            IdentificationReply.Read(Ascii("""{"process_type":"vf","client_id":7}""")));

    [Fact]
    public void Client_id_0_is_a_secondary_not_the_primary()
    {
        var id = IdentificationReply.Read(Ascii("""{"results":[{"result":"success"}],"client_id":0,"process_type":"nfv"}"""));

        Assert.Equal(new ProcessId(ProcessType.Nfv, 0), id);
        Assert.False(id!.Value.IsPrimary);
    }

    [Fact]
    public void A_bare_integer_padded_to_its_block_is_an_nfv()
    {
        var framer = Expecting(ReplyFamily.Unknown);
        var reply = framer.Read(Framing.Segments.Of(Block("5")), out _, out _);

        Assert.Equal(new ProcessId(ProcessType.Nfv, 5), IdentificationReply.Read(reply.Reply!));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("12", 12)]
    [InlineData("007", 7)]
    [InlineData("2147483647", 2147483647)]
    public void A_bare_integer_is_an_nfv_with_that_id(string reply, int clientId) =>
        Assert.Equal(new ProcessId(ProcessType.Nfv, clientId), IdentificationReply.Read(Ascii(reply)));

    [Theory]
    [InlineData("""{ "results": [ { "result": "error", "error_details": { "message": "Wrong message format" } } ] }""")]
    [InlineData("""{ "results": [ { "result": "error" } ], "client_id": 1, "process_type": "vf" }""")]
    [InlineData("""{ "results": [ { "result": "success" } ], "client_id": 1 }""")]
    [InlineData("""{"client_id":1,"process_type":"primary"}""")]
    [InlineData("""{"client_id":1,"process_type":"spp_vm"}""")]
    [InlineData("""{"client_id":1,"process_type":"NFV"}""")]
    [InlineData("""{"client_id":1,"process_type":null}""")]
    [InlineData("""{"client_id":-1,"process_type":"nfv"}""")]
    [InlineData("""{"client_id":"1","process_type":"nfv"}""")]
    [InlineData("""{"client_id":1.5,"process_type":"nfv"}""")]
    [InlineData("""{"client_id":2147483648,"process_type":"nfv"}""")]
    [InlineData("""{"process_type":"nfv"}""")]
    [InlineData("""[{"client_id":1,"process_type":"nfv"}]""")]
    [InlineData("_get_client_id")]
    [InlineData("hello")]
    [InlineData("-1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void Anything_else_identifies_nothing(string reply) => Assert.Null(IdentificationReply.Read(Ascii(reply)));

    [Fact]
    public void Non_ascii_digits_identify_nothing() =>
        Assert.Null(IdentificationReply.Read(System.Text.Encoding.UTF8.GetBytes("٣")));
}
