namespace Spp.Protocol.Grammar;

/// <summary>
/// A resource UID such as <c>ring:1</c>, <c>phy:0nq1</c> or, as processes report queues, <c>phy:0 nq 1</c>
/// (rest-api.md 1.5). <see cref="CommandText"/> is what goes on the wire: the text as given, except that the
/// spaced multi-queue form is sent compact.
/// </summary>
public sealed record ResourceId(string Type, long Index, long? Queue, string CommandText)
{
    public const long MaxIndex = 2147483647;

    public static readonly IReadOnlyList<string> Types = ["phy", "vhost", "ring", "pcap", "nullpmd", "tap", "memif", "pipe"];

    public static bool TryParse(string? text, out ResourceId id)
    {
        id = null!;
        if (text is null) return false;
        var colon = text.IndexOf(':');
        if (colon <= 0) return false;
        var type = text[..colon];
        if (!Types.Contains(type)) return false;
        var rest = text.AsSpan(colon + 1);

        var indexLength = Digits.RunLength(rest);
        if (!Digits.TryRead(rest[..indexLength], MaxIndex, out var index)) return false;
        var tail = rest[indexLength..];
        if (tail.IsEmpty)
        {
            id = new ResourceId(type, index, null, text);
            return true;
        }
        if (type != "phy") return false;

        var separator = tail.StartsWith("nq") ? "nq" : tail.StartsWith(" nq ") ? " nq " : null;
        if (separator is null) return false;
        var queueText = tail[separator.Length..];
        if (!Digits.TryRead(queueText, MaxIndex, out var queue)) return false;
        var command = separator == "nq" ? text : $"phy:{rest[..indexLength]}nq{queueText}";
        id = new ResourceId(type, index, queue, command);
        return true;
    }

    public bool IsRing => Type == "ring" && Queue is null;

    public override string ToString() => CommandText;
}
