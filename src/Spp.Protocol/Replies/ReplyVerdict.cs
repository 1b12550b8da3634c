using System.Text.Json;

namespace Spp.Protocol.Replies;

/// <summary>What a process's reply means for the request that caused it (rest-api.md 1.9.4).</summary>
public abstract record ReplyVerdict
{
    /// <summary>The command succeeded; <see cref="Value"/> is the data it returned, if any.</summary>
    public sealed record Accepted(JsonElement? Value) : ReplyVerdict;

    /// <summary>The process said the command failed: <c>400 command error: {Detail}</c>.</summary>
    public sealed record CommandFailed(string Detail) : ReplyVerdict;

    /// <summary>The reply cannot be used: <c>500 invalid reply: {proc}: {Reason}</c>.</summary>
    public sealed record Unusable(string Reason) : ReplyVerdict;

    public static readonly ReplyVerdict Done = new Accepted(null);
    public static readonly ReplyVerdict NotJson = new Unusable("not JSON");
    public static readonly ReplyVerdict NotObject = new Unusable("not a JSON object");
    public static readonly ReplyVerdict MissingInfo = new Unusable("missing info");
    public static readonly ReplyVerdict MissingResults = new Unusable("missing results");
    public static readonly ReplyVerdict UnknownResult = new Unusable("unknown result");
}
