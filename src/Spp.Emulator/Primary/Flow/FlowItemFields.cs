using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Primary.Flow;

/// <summary>One pattern field a request can name; sub-fields of the VLAN TCI live inside <c>tci</c>.</summary>
internal sealed record FlowField(string Name, string Stored, int Shift, int Width, bool IsMac)
{
    public ulong ValueMask => (1UL << Width) - 1;
}

/// <summary>The spec, last or mask values of one pattern item, and their status JSON.</summary>
internal sealed class FlowItemFields(string itemType)
{
    private static readonly FlowField[] EthFields =
    [
        new("dst", "dst", 0, 48, true),
        new("src", "src", 0, 48, true),
        new("type", "type", 0, 16, false),
    ];

    private static readonly FlowField[] VlanFields =
    [
        new("tci", "tci", 0, 16, false),
        new("pcp", "tci", 13, 3, false),
        new("dei", "tci", 12, 1, false),
        new("vid", "tci", 0, 12, false),
        new("inner_type", "inner_type", 0, 16, false),
    ];

    private readonly Dictionary<string, ulong> _stored = [];

    public static FlowField? Field(string itemType, string name) =>
        (itemType == "eth" ? EthFields : VlanFields).FirstOrDefault(f => f.Name == name);

    public void Set(FlowField field, ulong value)
    {
        var old = _stored.GetValueOrDefault(field.Stored);
        var bits = field.ValueMask << field.Shift;
        _stored[field.Stored] = (old & ~bits) | ((value & field.ValueMask) << field.Shift);
    }

    /// <summary>What <c>is</c> puts in the mask: every bit of the stored field.</summary>
    public void SetFull(FlowField field) => _stored[field.Stored] = field.Stored is "dst" or "src" ? (1UL << 48) - 1 : 0xFFFF;

    public string ToJson() => itemType == "eth"
        ? Compact.Object(("dst", Mac("dst")), ("src", Mac("src")), ("type", Word("type")))
        : Compact.Object(("tci", Word("tci")), ("inner_type", Word("inner_type")));

    /// <summary>
    /// A 16-bit field stored in network order and printed as a host integer, as the process does: on x86 the
    /// two bytes appear swapped (VLAN id 100 shows as <c>0x6400</c>).
    /// </summary>
    public static string NetworkOrder(ulong value)
    {
        var v = (ushort)value;
        return $"0x{(ushort)((v >> 8) | (v << 8)):x4}";
    }

    private string Mac(string name)
    {
        var value = _stored.GetValueOrDefault(name);
        return Str(string.Join(':', Enumerable.Range(0, 6).Select(i => ((value >> (40 - 8 * i)) & 0xFF).ToString("X2"))));
    }

    private string Word(string name) => Str(NetworkOrder(_stored.GetValueOrDefault(name)));
}
