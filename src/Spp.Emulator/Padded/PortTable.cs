namespace Spp.Emulator.Padded;

/// <summary>A port and queue in the forwarding table.</summary>
internal readonly record struct QueueRef(int Ethdev, int Queue);

/// <summary>
/// The forwarding table of primary and nfv: every ethdev by id (NICs first) and the destination patched to
/// each source queue.
/// </summary>
internal sealed class PortTable
{
    private static readonly string[] PatchableTypes = ["phy", "ring", "vhost", "pcap", "nullpmd", "tap", "memif"];

    private readonly List<Ethdev> _devices = [];
    private readonly SortedDictionary<QueueRef, QueueRef> _destinations = new(Comparer<QueueRef>.Create(
        (a, b) => a.Ethdev != b.Ethdev ? a.Ethdev.CompareTo(b.Ethdev) : a.Queue.CompareTo(b.Queue)));

    public PortTable(int nics, int queuesPerNic)
    {
        for (var i = 0; i < nics; i++) _devices.Add(new Ethdev(i, "phy", i, queuesPerNic));
    }

    public IReadOnlyList<Ethdev> Devices => _devices;

    public IEnumerable<(Ethdev Source, int SourceQueue, Ethdev Destination, int DestinationQueue)> Patches =>
        _destinations.Select(p => (Device(p.Key.Ethdev), p.Key.Queue, Device(p.Value.Ethdev), p.Value.Queue));

    public Ethdev? Find(string type, int number) => _devices.Find(d => d.Type == type && d.Number == number);

    /// <summary>Creates an ethdev with the lowest free id.</summary>
    public Ethdev Add(string type, int number)
    {
        var id = 0;
        while (_devices.Exists(d => d.Id == id)) id++;
        var device = new Ethdev(id, type, number, 1);
        _devices.Add(device);
        _devices.Sort((a, b) => a.Id.CompareTo(b.Id));
        return device;
    }

    /// <summary>
    /// <c>add</c> of a ring, vhost, pcap, memif or nullpmd device: rings must exist on the primary; an existing
    /// ring or vhost device is reused, an existing pcap, memif or null device cannot be created again.
    /// </summary>
    public bool AddDevice(PortUid uid, int ringCount)
    {
        if (uid.Type == "ring" && (uid.Id < 0 || uid.Id >= ringCount)) return false;
        if (Find(uid.Type, uid.Id) is not null) return uid.Type is "ring" or "vhost";
        Add(uid.Type, uid.Id);
        return true;
    }

    /// <summary>Forgets the device and every patch from or to it.</summary>
    public void Remove(Ethdev device)
    {
        _devices.Remove(device);
        foreach (var patch in _destinations.Where(p => p.Key.Ethdev == device.Id || p.Value.Ethdev == device.Id).ToList())
            _destinations.Remove(patch.Key);
    }

    /// <summary>What <c>add</c>/<c>del</c> of an unsupported type does: ethdev 0's entry loses its type.</summary>
    public void CorruptFirstEntry()
    {
        var index = _devices.FindIndex(d => d.Id == 0);
        if (index >= 0) _devices[index] = _devices[index] with { Type = Ethdev.Undefined };
    }

    /// <summary>
    /// The queue a <c>patch</c> argument names: its type must begin with a patchable type word, the device must
    /// be in the table and the queue must exist.
    /// </summary>
    public QueueRef? Resolve(PortUid uid)
    {
        var type = PatchableTypes.FirstOrDefault(t => uid.Type.StartsWith(t, StringComparison.Ordinal));
        if (type is null || Find(type, uid.Id) is not { } device) return null;
        return uid.Queue >= 0 && uid.Queue < device.Queues ? new QueueRef(device.Id, uid.Queue) : null;
    }

    public void Patch(QueueRef source, QueueRef destination) => _destinations[source] = destination;

    public void ResetPatches() => _destinations.Clear();

    private Ethdev Device(int id) => _devices.First(d => d.Id == id);
}
