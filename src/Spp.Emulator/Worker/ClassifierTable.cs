using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Worker;

/// <summary>A classifier entry: an attribute of its destination port; VLAN id 4095 marks an untagged (mac) entry.</summary>
internal sealed record ClassifierEntry(WorkerPort Port, int VlanId, ulong Mac)
{
    public const int Untagged = 4095;

    public string ToJson() => Spaced.Object(
        ("type", Str(VlanId == Untagged ? "mac" : "vlan")),
        ("value", Str(VlanId == Untagged ? MacAddress.Format(Mac) : $"{VlanId}/{MacAddress.Format(Mac)}")),
        ("port", Str(Port.Name)));
}

/// <summary>The classifier entries of vf, one per destination port, in the order they were added.</summary>
internal sealed class ClassifierTable
{
    private readonly List<ClassifierEntry> _entries = [];

    public ClassifierEntry? EntryOf(WorkerPort port) => _entries.Find(e => e.Port == port);

    public void Add(ClassifierEntry entry) => _entries.Add(entry);

    public void Remove(WorkerPort port) => _entries.RemoveAll(e => e.Port == port);

    /// <summary>Entries reported for a classifier: by VLAN id (untagged last), the default entry first.</summary>
    public IEnumerable<ClassifierEntry> For(Component classifier) => _entries
        .Where(e => classifier.Tx.Exists(p => p.Port == e.Port))
        .OrderBy(e => e.VlanId)
        .ThenBy(e => e.Mac == MacAddress.Default ? 0 : 1);
}
