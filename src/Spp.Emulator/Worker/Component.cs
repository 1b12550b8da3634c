using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Worker;

/// <summary>A component type and how many ports it takes per side (null: unlimited).</summary>
internal sealed record ComponentType(string Name, int? MaxRx, int? MaxTx)
{
    public static ComponentType Forward { get; } = new("forward", 1, 1);
    public static ComponentType Merge { get; } = new("merge", null, 1);
    public static ComponentType Classifier { get; } = new("classifier", 1, null);
    public static ComponentType Mirror { get; } = new("mirror", 1, 2);

    public int? Max(Direction direction) => direction == Direction.Rx ? MaxRx : MaxTx;
}

/// <summary>A port attached to one side of a component.</summary>
internal sealed record AttachedPort(WorkerPort Port, VlanTag Vlan)
{
    public string ToJson() => Spaced.Object(("port", Str(Port.Name)), ("vlan", Vlan.ToJson()));
}

/// <summary>A named worker of vf or mirror running on one lcore.</summary>
internal sealed class Component(string name, int lcore, ComponentType type)
{
    public string Name => name;
    public int Lcore => lcore;
    public ComponentType Type => type;
    public List<AttachedPort> Rx { get; } = [];
    public List<AttachedPort> Tx { get; } = [];

    public List<AttachedPort> Ports(Direction direction) => direction == Direction.Rx ? Rx : Tx;

    public string ToJson() => Spaced.Object(
        ("core", lcore.ToString()),
        ("name", Str(name)),
        ("type", Str(type.Name)),
        ("rx_port", Spaced.Array(Rx.Select(p => p.ToJson()))),
        ("tx_port", Spaced.Array(Tx.Select(p => p.ToJson()))));
}
