using Spp.Emulator.Wire;

namespace Spp.Emulator.Worker;

/// <summary>
/// Components, port attachments and port devices of vf or mirror, with their <c>component</c> and
/// <c>port</c> commands.
/// </summary>
internal sealed class ComponentSet(EmulatorOptions options, IReadOnlyList<ComponentType> types, Action<Component> stopped)
{
    private const int MaxLcore = 128;
    private const int MaxEthPorts = 32;
    private const int LongestName = 110;

    private readonly List<Component> _components = [];
    private readonly SortedSet<int> _vhosts = [];
    private readonly SortedSet<int> _rings = [];

    // Ports whose device could not be created: every later mutating command retries and fails.
    private readonly HashSet<WorkerPort> _poisoned = [];

    /// <summary>Components grouped by lcore, in the order they were started.</summary>
    public IEnumerable<Component> Components => _components.OrderBy(c => c.Lcore);

    public IEnumerable<int> Vhosts => _vhosts;

    public IEnumerable<int> Rings => _rings;

    public ComponentType FirstType => types[0];

    /// <summary>
    /// A UID as vf and mirror read it: type <c>phy</c>, <c>vhost</c> or <c>ring</c>, a C number up to 32, and
    /// <c>nqQ</c> only on phy, where it is required exactly when the NIC has several queues.
    /// </summary>
    public WorkerPort ParsePort(string token)
    {
        var invalid = CommandError.InvalidValue("port");
        var colon = token.IndexOf(':');
        var type = colon < 0 ? "" : token[..colon];
        if (type is not ("phy" or "vhost" or "ring")) throw invalid;
        var consumed = CNumber.Read(token, colon + 1, 0, out var id);
        if (consumed == 0 || id < 0 || id > MaxEthPorts) throw invalid;
        var rest = token[(colon + 1 + consumed)..];
        int? queue = null;
        if (rest.Length > 0)
        {
            if (type != "phy" || !rest.StartsWith("nq", StringComparison.Ordinal)
                || !CNumber.TryParseInRange(rest[2..], 0, 0, int.MaxValue, out var q)) throw invalid;
            queue = q;
        }
        if (type == "phy" && NicQueues((int)id) > 1 != queue.HasValue) throw invalid;
        return new WorkerPort(type, (int)id, queue);
    }

    /// <summary>NICs always are; rings and vhosts once their device was created by a <c>port add</c>.</summary>
    public bool IsKnown(WorkerPort port) => port.Type switch
    {
        "phy" => port.Id < options.PhyPortCount,
        "vhost" => _vhosts.Contains(port.Id),
        _ => _rings.Contains(port.Id),
    };

    public void EnsureNotPoisoned()
    {
        if (_poisoned.Count > 0) throw CommandError.ErrorOccur();
    }

    /// <summary><c>component start NAME LCORE TYPE</c> / <c>component stop NAME</c>.</summary>
    public Reply Component(Request request)
    {
        var t = request.Tokens;
        var starting = t[1] switch { "start" => true, "stop" => false, _ => throw CommandError.InvalidValue("action") };
        var name = t[2];
        if (!starting) return Stop(name);
        if (name.Length > LongestName || Find(name) is not null) throw CommandError.InvalidValue("component name");
        var lcore = t.Length > 3 ? Parameter.Number(t[3], 0, MaxLcore - 1, "core") : 0;
        var type = t.Length > 4 ? types.FirstOrDefault(x => x.Name == t[4]) ?? throw CommandError.InvalidValue("component type") : null;
        EnsureNotPoisoned();
        if (type is null) throw CommandError.ErrorOccur();
        // The master lcore never picks the change up: the real process waits for it forever.
        if (lcore == options.MasterLcore) return Reply.Hang;
        if (!options.WorkerLcores.Contains(lcore) || _components.Count >= MaxLcore) throw CommandError.ErrorOccur();
        _components.Add(new Component(name, lcore, type));
        return Reply.Text(WorkerReplies.Success());
    }

    private Reply Stop(string name)
    {
        EnsureNotPoisoned();
        if (Find(name) is { } component)
        {
            _components.Remove(component);
            stopped(component);
        }
        return Reply.Text(WorkerReplies.Success());
    }

    /// <summary><c>port add|del UID rx|tx NAME [add_vlantag VID PCP | del_vlantag]</c>.</summary>
    public Reply Port(Request request)
    {
        var t = request.Tokens;
        var adding = t[1] switch { "add" => true, "del" => false, _ => throw CommandError.InvalidValue("action") };
        var port = ParsePort(t[2]);
        // The 8-token form (add_vlantag VID PCP) skips both "already used" checks: it re-tags an attached port.
        var checkUse = adding && t.Length != 8;
        if (checkUse && IsAttached(port, Direction.Rx) && IsAttached(port, Direction.Tx)) throw CommandError.InvalidValue("port");
        var direction = t[3] switch { "rx" => Direction.Rx, "tx" => Direction.Tx, _ => throw CommandError.InvalidValue("port rxtx") };
        if (adding && port.Type == "phy" && (port.Queue ?? 0) >= NicQueues(port.Id)) throw CommandError.InvalidValue("port rxtx");
        if (checkUse && IsAttached(port, direction)) throw CommandError.InvalidValue("port rxtx");
        var component = Find(t[4]) ?? throw CommandError.InvalidValue("component name");
        var vlan = t.Length > 5 ? Vlan(t) : VlanTag.None;
        EnsureNotPoisoned();
        if (adding) Attach(component, direction, port, vlan);
        else component.Ports(direction).RemoveAll(p => p.Port == port);
        return Reply.Text(WorkerReplies.Success());
    }

    private static VlanTag Vlan(string[] t) => t[5] switch
    {
        // Missing VID or PCP stay at -1, as in the process.
        "add_vlantag" => new VlanTag(
            "add",
            t.Length > 6 ? Parameter.Number(t[6], 0, 4095, "port vid") : -1,
            t.Length > 7 ? Parameter.Number(t[7], 0, 7, "port pcp") : -1),
        "del_vlantag" => VlanTag.Strip,
        _ => throw CommandError.InvalidValue("port vlan operation"),
    };

    private void Attach(Component component, Direction direction, WorkerPort port, VlanTag vlan)
    {
        var ports = component.Ports(direction);
        // The limit counts the port even when it is already attached.
        if (ports.Count + 1 > component.Type.Max(direction)) throw CommandError.ErrorOccur();
        var index = ports.FindIndex(p => p.Port == port);
        if (index >= 0)
        {
            if (vlan.Operation != "add") return;
            if (ports[index].Vlan.Operation != "add") throw CommandError.ErrorOccur();
            ports[index] = ports[index] with { Vlan = vlan };
            return;
        }
        ports.Add(new AttachedPort(port, vlan));
        CreateDevice(port);
    }

    private void CreateDevice(WorkerPort port)
    {
        switch (port.Type)
        {
            case "vhost":
                _vhosts.Add(port.Id);
                break;
            case "ring" when port.Id < options.RingCount:
                _rings.Add(port.Id);
                break;
            case "ring":
                _poisoned.Add(port);
                throw CommandError.ErrorOccur();
        }
    }

    private bool IsAttached(WorkerPort port, Direction direction) =>
        _components.Exists(c => c.Ports(direction).Exists(p => p.Port == port));

    private Component? Find(string name) => _components.Find(c => c.Name == name);

    private int NicQueues(int id) => id < options.PhyPortCount ? options.PhyQueueCount : 0;
}
