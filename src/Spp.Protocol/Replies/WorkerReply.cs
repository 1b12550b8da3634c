using System.Text.Json;

namespace Spp.Protocol.Replies;

/// <summary>
/// What a reply of spp_vf, spp_mirror or spp_pcap says of its command (<c>results[0]</c>), read the way
/// <see cref="ReplyReader"/> reads the parsed document (the last of a repeated member counts) but straight off the
/// bytes, without building one: the log line of every command reads this.
/// </summary>
internal static class WorkerReply
{
    private enum Result { Missing, Success, Error, Other }

    public static ReplyVerdict Verdict(ReadOnlySpan<byte> reply)
    {
        var reader = new Utf8JsonReader(reply);
        try
        {
            if (!reader.Read()) return ReplyVerdict.NotJson;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                EnsureEnd(ref reader);
                return ReplyVerdict.NotObject;
            }
            var verdict = ReplyVerdict.MissingResults;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isResults = reader.ValueTextEquals("results"u8);
                reader.Read();
                if (isResults) verdict = Results(ref reader);
                else reader.Skip();
            }
            EnsureEnd(ref reader);
            return verdict;
        }
        catch (JsonException)
        {
            return ReplyVerdict.NotJson;
        }
    }

    /// <summary>Past the end of the root value only whitespace may follow; the reader throws on anything else.</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    /// <summary>The verdict of a <c>results</c> value, read to its end.</summary>
    private static ReplyVerdict Results(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return ReplyVerdict.MissingResults;
        }
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) return ReplyVerdict.MissingResults;
        ReplyVerdict verdict;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            verdict = First(ref reader);
        }
        else
        {
            reader.Skip();
            verdict = ReplyVerdict.MissingResults;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) reader.Skip();
        return verdict;
    }

    /// <summary>The verdict of <c>results[0]</c>, read to its end.</summary>
    private static ReplyVerdict First(ref Utf8JsonReader reader)
    {
        var result = Result.Missing;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isResult = reader.ValueTextEquals("result"u8);
            var isDetails = !isResult && reader.ValueTextEquals("error_details"u8);
            reader.Read();
            if (isResult) result = reader.TokenType != JsonTokenType.String ? Result.Other
                : reader.ValueTextEquals("success"u8) ? Result.Success
                : reader.ValueTextEquals("error"u8) ? Result.Error
                : Result.Other;
            else if (isDetails) message = Message(ref reader);
            else reader.Skip();
        }
        return result switch
        {
            Result.Missing => ReplyVerdict.MissingResults,
            Result.Success => ReplyVerdict.Done,
            Result.Error => new ReplyVerdict.CommandFailed(message ?? "unknown error"),
            _ => ReplyVerdict.UnknownResult,
        };
    }

    /// <summary>The <c>message</c> string of an <c>error_details</c> value, read to its end; null if it has none.</summary>
    private static string? Message(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isMessage) message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            else reader.Skip();
        }
        return message;
    }
}
