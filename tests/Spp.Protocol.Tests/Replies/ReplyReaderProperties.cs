using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Spp.Protocol.Replies;

namespace Spp.Protocol.Tests.Replies;

/// <summary>rest-api.md 1.9.4: every reply maps to a result; a reader never fails on what a process sends.</summary>
public class ReplyReaderProperties
{
    private static readonly string[] Keys =
        ["result", "results", "command", "error_details", "message", "info", "client_id", "process_type"];

    /// <summary>The readers that skip the document are compared with those that build it on many shapes.</summary>
    private static readonly Config Comparisons = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static readonly string[] Words =
        ["\"failed\"", "\"succeeded\"", "\"success\"", "\"error\"", "\"nfv\"", "\"vf\"", "1", "-1", "0.5", "true", "null"];

    [Fact]
    public void Any_reply_is_read_into_a_verdict_without_throwing()
    {
        Prop.ForAll(Replies().ToArbitrary(), reply =>
            {
                var bytes = Encoding.UTF8.GetBytes(reply);
                return ReplyReader.Mutation(ReplyFamily.Padded, bytes, "add ring:0") is not null
                    && ReplyReader.Mutation(ReplyFamily.Stream, bytes, "start") is not null
                    && ReplyReader.Status(ReplyFamily.Padded, bytes) is not null
                    && ReplyReader.Status(ReplyFamily.Stream, bytes) is not null
                    && ReplyReader.Flow(bytes) is not null;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_padded_reply_to_a_command_means_what_its_parsed_document_says()
    {
        Prop.ForAll(Gen.OneOf(Replies(), PaddedReplies()).ToArbitrary(), reply =>
            {
                var bytes = Encoding.UTF8.GetBytes(reply);
                return ReplyReader.Mutation(ReplyFamily.Padded, bytes, "add ring:0") == PaddedVerdictOfDocument(bytes, "add ring:0");
            })
            .Check(Comparisons);
    }

    [Theory]
    [InlineData("""{"result":"failed","result":"success"}""", "success")]
    [InlineData("""{"result":"success","result":"failed"}""", "add failed")]
    [InlineData("""{"result":"failed","command":"del","command":1}""", "add failed")]
    [InlineData("""{"result":"fa\u0069led","command":"d\u0065l"}""", "del failed")]
    [InlineData("""{"result":"failed"} x""", "success")]
    [InlineData("""{"info":{"result":"failed"}}""", "success")]
    public void A_padded_reply_is_read_as_its_parsed_document_is(string reply, string meaning)
    {
        var bytes = Encoding.UTF8.GetBytes(reply);
        var verdict = ReplyReader.Mutation(ReplyFamily.Padded, bytes, "add ring:0");
        Assert.Equal(PaddedVerdictOfDocument(bytes, "add ring:0"), verdict);
        Assert.Equal(meaning, verdict is ReplyVerdict.CommandFailed failed ? failed.Detail : "success");
    }

    [Fact]
    public void A_worker_reply_to_a_command_means_what_its_parsed_document_says()
    {
        Prop.ForAll(Gen.OneOf(Replies(), WorkerReplies()).ToArbitrary(), reply =>
            {
                var bytes = Encoding.UTF8.GetBytes(reply);
                return ReplyReader.Mutation(ReplyFamily.Stream, bytes, "start") == WorkerVerdictOfDocument(bytes);
            })
            .Check(Comparisons);
    }

    [Theory]
    [InlineData("", "invalid reply: not JSON")]
    [InlineData(" ", "invalid reply: not JSON")]
    [InlineData("[1", "invalid reply: not JSON")]
    [InlineData("[1]", "invalid reply: not a JSON object")]
    [InlineData("\"error\"", "invalid reply: not a JSON object")]
    [InlineData("""{"results":[{"result":"success"}]} {}""", "invalid reply: not JSON")]
    [InlineData("""{"results":[{"result":"error"}],"results":[]}""", "invalid reply: missing results")]
    [InlineData("""{"results":[{"result":"error"}],"results":[{"result":"success"},{"result":"error"}]}""", "success")]
    [InlineData("""{"results":[{"result":"success","result":"error","error_details":{"message":"bad"}}]}""", "error: bad")]
    [InlineData("""{"results":[{"result":"error","error_details":{"message":"bad"},"error_details":1}]}""", "error: unknown error")]
    [InlineData("""{"results":[{"result":"error","error_details":{"message":"a","message":null}}]}""", "error: unknown error")]
    [InlineData("""{"results":[{"result":"err\u006fr","error_details":{"message":"b\u0061d"}}]}""", "error: bad")]
    [InlineData("""{"results":[{"result":"succeeded"}]}""", "invalid reply: unknown result")]
    [InlineData("""{"results":[[{"result":"success"}]]}""", "invalid reply: missing results")]
    [InlineData("""{"info":{"results":[{"result":"success"}]}}""", "invalid reply: missing results")]
    public void A_worker_reply_is_read_as_its_parsed_document_is(string reply, string meaning)
    {
        var bytes = Encoding.UTF8.GetBytes(reply);
        var verdict = ReplyReader.Mutation(ReplyFamily.Stream, bytes, "start");
        Assert.Equal(WorkerVerdictOfDocument(bytes), verdict);
        Assert.Equal(meaning, verdict switch
        {
            ReplyVerdict.CommandFailed failed => $"error: {failed.Detail}",
            ReplyVerdict.Unusable unusable => $"invalid reply: {unusable.Reason}",
            _ => "success",
        });
    }

    /// <summary>
    /// What the status reader, which parses the whole document, says of a worker's reply: its verdict on
    /// <c>results[0]</c>, or success where it goes on to the <c>info</c> object.
    /// </summary>
    private static ReplyVerdict WorkerVerdictOfDocument(byte[] reply) =>
        ReplyReader.Status(ReplyFamily.Stream, reply) is var status && (status is ReplyVerdict.Accepted || status == ReplyVerdict.MissingInfo)
            ? ReplyVerdict.Done
            : status;

    /// <summary>rest-api.md 1.9.4 for spp_primary and spp_nfv, read from the whole parsed document.</summary>
    private static ReplyVerdict PaddedVerdictOfDocument(byte[] reply, string command)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(reply);
        }
        catch (JsonException)
        {
            return ReplyVerdict.Done;
        }
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("result", out var result)
            || result.ValueKind != JsonValueKind.String || !result.ValueEquals("failed"))
            return ReplyVerdict.Done;
        var name = root.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : command.Split(' ', 2)[0];
        return new ReplyVerdict.CommandFailed($"{name} failed");
    }

    [Fact]
    public void Any_reply_to_get_client_id_is_read_without_throwing()
    {
        Prop.ForAll(Replies().ToArbitrary(), reply =>
            {
                var id = IdentificationReply.Read(Encoding.UTF8.GetBytes(reply));
                return id is null || (!id.Value.IsPrimary && id.Value.ClientId >= 0);
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Objects shaped like spp_nfv's and spp_primary's replies: <c>result</c> and <c>command</c> members, repeated or not.</summary>
    private static Gen<string> PaddedReplies()
    {
        var word = Gen.Frequency((3, Gen.Elements("\"failed\"", "\"success\"", "\"del\"")), (2, Gen.Elements(Words)));
        return Gen.ArrayOf(Gen.Frequency(
                (3, word.Select(w => $"\"result\":{w}")),
                (2, word.Select(w => $"\"command\":{w}")),
                (1, word.Select(w => $"\"info\":{{\"result\":{w},\"command\":{w}}}"))))
            .Select(members => "{" + string.Join(",", members.Take(4)) + "}");
    }

    /// <summary>
    /// Objects shaped like the replies of spp_vf, spp_mirror and spp_pcap: <c>results</c> arrays whose first element
    /// has <c>result</c> and <c>error_details</c> members of every kind, repeated or not.
    /// </summary>
    private static Gen<string> WorkerReplies()
    {
        var word = Gen.Frequency((3, Gen.Elements("\"error\"", "\"success\"", "\"bad\"")), (2, Gen.Elements(Words)));
        var details = Gen.Frequency(
            (1, word),
            (4, Gen.ArrayOf(Gen.Frequency((3, word.Select(w => $"\"message\":{w}")), (1, word.Select(w => $"\"code\":{w}"))))
                .Select(members => "{" + string.Join(",", members.Take(3)) + "}")));
        var result = Gen.Frequency(
            (1, word),
            (6, Gen.ArrayOf(Gen.Frequency(
                    (3, word.Select(w => $"\"result\":{w}")),
                    (3, details.Select(d => $"\"error_details\":{d}")),
                    (1, word.Select(w => $"\"info\":{w}"))))
                .Select(members => "{" + string.Join(",", members.Take(4)) + "}")));
        var results = Gen.Frequency(
            (1, word),
            (6, Gen.ArrayOf(result).Select(items => "[" + string.Join(",", items.Take(3)) + "]")));
        return Gen.ArrayOf(Gen.Frequency((4, results.Select(r => $"\"results\":{r}")), (1, word.Select(w => $"\"result\":{w}"))))
            .Select(members => "{" + string.Join(",", members.Take(3)) + "}");
    }

    /// <summary>JSON values built from the members the readers look at, with values of every kind; and plain text.</summary>
    private static Gen<string> Replies()
    {
        Gen<string> Value(int depth) => depth == 0
            ? Gen.Elements(Words)
            : Gen.OneOf(
                Gen.Elements(Words),
                Gen.ArrayOf(Value(depth - 1)).Select(items => "[" + string.Join(",", items.Take(3)) + "]"),
                Gen.ArrayOf(
                        from key in Gen.Elements(Keys)
                        from value in Value(depth - 1)
                        select $"\"{key}\":{value}")
                    .Select(members => "{" + string.Join(",", members.Take(4)) + "}"));

        return Gen.OneOf(
            Value(4),
            ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? ""));
    }
}
