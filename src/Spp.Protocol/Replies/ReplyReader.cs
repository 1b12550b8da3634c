using System.Text.Json;

namespace Spp.Protocol.Replies;

/// <summary>Reads the replies of each process family into a <see cref="ReplyVerdict"/> (rest-api.md 1.9.4).</summary>
public static class ReplyReader
{
    /// <summary>The reply to a command that changes something (everything but <c>status</c> and <c>flow</c>).</summary>
    public static ReplyVerdict Mutation(ReplyFamily family, byte[] reply, string command) =>
        family == ReplyFamily.Stream ? WorkerReply.Verdict(reply) : PaddedResult(reply, command);

    /// <summary>
    /// The reply to <c>status</c>: the object itself for primary and nfv, the <c>info</c> object for the
    /// worker processes.
    /// </summary>
    public static ReplyVerdict Status(ReplyFamily family, byte[] reply)
    {
        if (family != ReplyFamily.Stream)
            return TryParseObject(reply, out var status) ? new ReplyVerdict.Accepted(status) : ReplyVerdict.NotObject;

        var verdict = WorkerResult(reply, out var root);
        if (verdict is not ReplyVerdict.Accepted) return verdict;
        return root.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object
            ? new ReplyVerdict.Accepted(info)
            : ReplyVerdict.MissingInfo;
    }

    /// <summary>spp_primary's <c>flow</c> replies are returned whole, whatever their <c>result</c>.</summary>
    public static ReplyVerdict Flow(byte[] reply) =>
        TryParseObject(reply, out var value) ? new ReplyVerdict.Accepted(value) : ReplyVerdict.NotObject;

    private static ReplyVerdict PaddedResult(byte[] reply, string command)
    {
        if (!TryReadTopLevel(reply, out var failed, out var name) || !failed) return ReplyVerdict.Done;
        return new ReplyVerdict.CommandFailed($"{name ?? command.Split(' ', 2)[0]} failed");
    }

    /// <summary>
    /// Reads a reply that must be one JSON object for its own <c>result</c> and <c>command</c> members (the last of
    /// each, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds them) without building a
    /// document: the log line of every command reads this. False for anything but a valid JSON object.
    /// </summary>
    private static bool TryReadTopLevel(ReadOnlySpan<byte> reply, out bool failed, out string? command)
    {
        failed = false;
        command = null;
        var reader = new Utf8JsonReader(reply);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                var isResult = reader.ValueTextEquals("result"u8);
                var isCommand = !isResult && reader.ValueTextEquals("command"u8);
                reader.Read();
                var isString = reader.TokenType == JsonTokenType.String;
                if (isResult) failed = isString && reader.ValueTextEquals("failed"u8);
                else if (isCommand) command = isString ? reader.GetString() : null;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReplyVerdict WorkerResult(byte[] reply, out JsonElement root)
    {
        root = default;
        JsonElement parsed;
        try
        {
            parsed = JsonElement.Parse(reply);
        }
        catch (JsonException)
        {
            return ReplyVerdict.NotJson;
        }
        if (parsed.ValueKind != JsonValueKind.Object) return ReplyVerdict.NotObject;
        root = parsed;
        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array
            || results.GetArrayLength() == 0 || results[0].ValueKind != JsonValueKind.Object
            || !results[0].TryGetProperty("result", out var result))
            return ReplyVerdict.MissingResults;
        if (IsString(result, "success")) return ReplyVerdict.Done;
        if (!IsString(result, "error")) return ReplyVerdict.UnknownResult;
        var message = results[0].TryGetProperty("error_details", out var details)
            && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!
                : "unknown error";
        return new ReplyVerdict.CommandFailed(message);
    }

    /// <summary><see cref="JsonElement.ValueEquals(string)"/> throws for anything but a string.</summary>
    private static bool IsString(JsonElement value, string text) =>
        value.ValueKind == JsonValueKind.String && value.ValueEquals(text);

    private static bool TryParseObject(byte[] reply, out JsonElement value)
    {
        value = default;
        try
        {
            value = JsonElement.Parse(reply);
        }
        catch (JsonException)
        {
            return false;
        }
        return value.ValueKind == JsonValueKind.Object;
    }
}
