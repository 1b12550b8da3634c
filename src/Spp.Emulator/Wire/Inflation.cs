namespace Spp.Emulator.Wire;

/// <summary>Grows a status reply by extra entries until it reaches a requested length.</summary>
internal static class Inflation
{
    /// <summary>
    /// <paramref name="render"/> builds the status with a given number of extra entries. Returns the text with
    /// the fewest extra entries that is at least <paramref name="minLength"/> long, but never longer than
    /// <paramref name="maxLength"/> (then the longest one that fits).
    /// </summary>
    public static string Render(Func<int, string> render, int minLength, int maxLength = int.MaxValue)
    {
        var text = render(0);
        var target = Math.Min(minLength, maxLength);
        if (text.Length >= target) return text;
        var perEntry = render(1).Length - text.Length;
        if (perEntry <= 0) return text;
        var extra = 0;
        while (text.Length < target)
        {
            extra += Math.Max(1, (target - text.Length + perEntry - 1) / perEntry);
            text = render(extra);
        }
        while (text.Length > maxLength && extra > 0) text = render(--extra);
        return text;
    }
}
