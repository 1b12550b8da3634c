namespace Spp.Protocol.Grammar;

/// <summary>The word <c>default</c>, or six colon-separated groups of one or two hex digits (rest-api.md 1.5).</summary>
public static class MacAddress
{
    public const string Default = "default";

    public static bool IsValid(string? text)
    {
        if (text is null) return false;
        if (text == Default) return true;
        var groups = text.Split(':');
        return groups.Length == 6 && groups.All(g => g.Length is 1 or 2 && g.All(char.IsAsciiHexDigit));
    }
}
