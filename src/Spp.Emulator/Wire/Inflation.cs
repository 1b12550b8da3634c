namespace Spp.Emulator.Wire;

/// <summary>Grows a status reply by extra entries until it reaches a requested length.</summary>
internal static class Inflation
{
    /// <summary>
    /// <paramref name="render"/> builds the status with a given number of extra entries (longer with more).
    /// Returns the text with the fewest extra entries that is at least <paramref name="minLength"/> long; when
    /// that would exceed <paramref name="maxLength"/>, the longest one that fits.
    /// </summary>
    public static string Render(Func<int, string> render, int minLength, int maxLength = int.MaxValue)
    {
        var target = Math.Min(minLength, maxLength);
        var text = render(0);
        if (text.Length >= target || render(1).Length <= text.Length) return text;
        var high = 1;
        while (render(high).Length < target) high *= 2;
        var low = high / 2;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (render(middle).Length < target) low = middle;
            else high = middle;
        }
        text = render(high);
        return text.Length <= maxLength ? text : render(low);
    }
}
