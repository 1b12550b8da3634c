namespace Spp.Emulator.Wire;

/// <summary>Number reading as C's <c>strtol</c> does it.</summary>
internal static class CNumber
{
    /// <summary>
    /// Reads an optional sign and digits of <paramref name="numberBase"/> (0: <c>0x</c> hex, leading <c>0</c>
    /// octal, else decimal) from <paramref name="start"/>. Returns how many characters were consumed (0 when no
    /// digit was found). Values saturate instead of overflowing.
    /// </summary>
    public static int Read(string text, int start, int numberBase, out long value)
    {
        value = 0;
        var i = start;
        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
        if (numberBase is 0 or 16 && HasHexPrefix(text, i))
        {
            numberBase = 16;
            i += 2;
        }
        else if (numberBase == 0)
        {
            numberBase = i < text.Length && text[i] == '0' ? 8 : 10;
        }
        var digitsStart = i;
        while (i < text.Length && Digit(text[i]) is var d && d >= 0 && d < numberBase)
        {
            value = value > (long.MaxValue - d) / numberBase ? long.MaxValue : value * numberBase + d;
            i++;
        }
        if (i == digitsStart) { value = 0; return 0; }
        if (negative) value = -value;
        return i - start;
    }

    /// <summary>True when the whole of <paramref name="text"/> is one number.</summary>
    public static bool TryParseWhole(string text, int numberBase, out long value) =>
        Read(text, 0, numberBase, out value) is var consumed && consumed > 0 && consumed == text.Length;

    /// <summary>Whole-token number within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static bool TryParseInRange(string text, int numberBase, long min, long max, out int value)
    {
        var ok = TryParseWhole(text, numberBase, out var parsed) && parsed >= min && parsed <= max;
        value = ok ? (int)parsed : 0;
        return ok;
    }

    private static bool HasHexPrefix(string text, int at) =>
        at + 2 < text.Length && text[at] == '0' && text[at + 1] is 'x' or 'X' && Digit(text[at + 2]) >= 0;

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
