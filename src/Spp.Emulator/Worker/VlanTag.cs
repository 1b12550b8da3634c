using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Worker;

/// <summary>The VLAN operation applied to an attached port: <c>none</c>, <c>add</c> (with id and pcp) or <c>del</c>.</summary>
internal sealed record VlanTag(string Operation, int Id, int Pcp)
{
    public static VlanTag None { get; } = new("none", 0, 0);

    public static VlanTag Strip { get; } = new("del", 0, 0);

    public string ToJson() => Spaced.Object(("operation", Str(Operation)), ("id", Id.ToString()), ("pcp", Pcp.ToString()));
}
