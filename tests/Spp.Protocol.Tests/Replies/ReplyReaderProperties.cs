using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Spp.Protocol.Replies;

namespace Spp.Protocol.Tests.Replies;

/// <summary>rest-api.md 1.9.4: every reply maps to a result; a reader never fails on what a process sends.</summary>
public class ReplyReaderProperties
{
    private static readonly string[] Keys =
        ["result", "results", "command", "error_details", "message", "info", "client_id", "process_type"];

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
    public void Any_reply_to_get_client_id_is_read_without_throwing()
    {
        Prop.ForAll(Replies().ToArbitrary(), reply =>
            {
                var id = IdentificationReply.Read(Encoding.UTF8.GetBytes(reply));
                return id is null || (!id.Value.IsPrimary && id.Value.ClientId >= 0);
            })
            .QuickCheckThrowOnFailure();
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
