namespace Spp.Protocol.Grammar;

/// <summary>Strict ASCII decimal numbers: 1-10 digits, no sign, no spaces, bounded value.</summary>
public static class Digits
{
    public const int MaxLength = 10;

    public static int RunLength(ReadOnlySpan<char> text)
    {
        var n = 0;
        while (n < text.Length && char.IsAsciiDigit(text[n])) n++;
        return n;
    }

    public static bool TryRead(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > MaxLength) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return value <= max;
    }

    /// <summary>A path parameter: any number of ASCII digits (leading zeros allowed), value bounded.</summary>
    public static bool TryReadPathSegment(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            if (value <= max) value = value * 10 + (c - '0');
        }
        return value <= max;
    }

    public static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
