using Spp.Emulator.Wire;

namespace Spp.Emulator.Worker;

/// <summary>MAC addresses of vf classifier entries, held as 48-bit numbers.</summary>
internal static class MacAddress
{
    /// <summary><c>default</c> is stored as this address, which therefore cannot be a real entry.</summary>
    public const ulong Default = 1;

    /// <summary>
    /// Reads <c>default</c> or colon separated hex groups as vf does: a group that is not hex stops the
    /// conversion silently (the rest stays 0); more than six groups is an error.
    /// </summary>
    public static bool TryParse(string text, out ulong mac)
    {
        mac = Default;
        if (text == "default") return true;
        var groups = text.Split(':');
        if (groups.Length > 6) return false;
        var bytes = new byte[6];
        for (var i = 0; i < groups.Length; i++)
        {
            if (CNumber.Read(groups[i], 0, 16, out var value) == 0 || value < 0) break;
            bytes[i] = (byte)value;
        }
        mac = bytes.Aggregate(0UL, (acc, b) => (acc << 8) | b);
        return true;
    }

    /// <summary>Uppercase <c>AA:BB:CC:DD:EE:FF</c>, or <c>default</c>.</summary>
    public static string Format(ulong mac) => mac == Default
        ? "default"
        : string.Join(':', Enumerable.Range(0, 6).Select(i => ((mac >> (40 - 8 * i)) & 0xFF).ToString("X2")));
}
