using Spp.Emulator.Padded;
using Spp.Emulator.Primary.Flow;
using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Primary;

/// <summary>spp_primary: NICs, shared rings, ports added with <c>add</c>, its forwarder and flow rules.</summary>
internal sealed class PrimaryBehaviour(EmulatorOptions options, Action<SecondaryLaunch>? launch) : IProcessBehaviour
{
    private static readonly string[] DeviceTypes = ["ring", "vhost", "pcap", "memif", "nullpmd"];

    private readonly PortTable _ports = new(options.PhyPortCount, options.PhyQueueCount);
    private readonly List<Pipe> _pipes = [];
    private readonly FlowRuleBook _flows = new();
    private bool _forwarding;

    public Reply Handle(Request request, FaultSnapshot faults) => request.Word switch
    {
        "" => Reply.Crash,
        "status" => Reply.Text(Inflation.Render(Status, faults.InflateStatusBytes, options.MessageSize - 1)),
        "clear" => Reply.Text(PaddedReplies.Result(true, "clear")),
        "forward" => Forward(true),
        "stop" => Forward(false),
        "add" => Add(request),
        "del" => Delete(request),
        "patch" => PatchCommand.Handle(request, _ports, (token, uid) => uid?.Name ?? token),
        "launch" => Launch(request),
        "exit" => Reply.Text(PaddedReplies.Result(true, "exit"), Fate.Exit),
        "flow" => Reply.Text(FlowCommand.Handle(request, _flows, IsNic)),
        _ => new Reply(Echo.Of(request), Fate.Continue),
    };

    private Reply Forward(bool running)
    {
        _forwarding = running;
        return Reply.Text(PaddedReplies.Result(true, running ? "forward" : "stop"));
    }

    private Reply Add(Request request)
    {
        if (!PortArgument.TryRead(request, out var uid, out var failure)) return failure;
        var succeeded = uid.Type switch
        {
            _ when DeviceTypes.Contains(uid.Type) => _ports.AddDevice(uid, options.RingCount),
            "pipe" => AddPipe(uid, request.Token(2), request.Token(3)),
            _ => CorruptFirstEntry(),
        };
        return Reply.Text(PaddedReplies.Port(succeeded, "add", uid.Name));
    }

    private bool AddPipe(PortUid pipe, string? rx, string? tx)
    {
        if (Ring(rx) is not { } rxRing || Ring(tx) is not { } txRing) return false;
        if (_ports.Find("pipe", pipe.Id) is null) _ports.Add("pipe", pipe.Id);
        _pipes.Add(new Pipe(pipe.Id, rxRing, txRing));
        return true;
    }

    private int? Ring(string? token) =>
        token is not null && PaddedUidParser.Parse(token, out var uid) == UidOutcome.Parsed
        && uid.Type == "ring" && uid.Id >= 0 && uid.Id < options.RingCount ? uid.Id : null;

    private Reply Delete(Request request)
    {
        if (!PortArgument.TryRead(request, out var uid, out var failure)) return failure;
        bool succeeded;
        if (DeviceTypes.Contains(uid.Type) || uid.Type == "pipe")
        {
            var device = _ports.Find(uid.Type, uid.Id);
            if (device is not null) _ports.Remove(device);
            if (uid.Type == "pipe") _pipes.RemoveAll(p => p.Id == uid.Id);
            succeeded = device is not null;
        }
        else
        {
            succeeded = CorruptFirstEntry();
        }
        return Reply.Text(PaddedReplies.Port(succeeded, "del", uid.Name));
    }

    // phy, tap and unknown types are not handled: "succeeded", yet ethdev 0's table entry is overwritten.
    private bool CorruptFirstEntry()
    {
        _ports.CorruptFirstEntry();
        return true;
    }

    private Reply Launch(Request request)
    {
        // Without an id and a name the primary reads a null token and crashes.
        if (request.Tokens.Length < 3) return Reply.Crash;
        if (launch is not null && SecondaryLaunch.From(request.Tokens) is { } secondary) launch(secondary);
        return Reply.Text(PaddedReplies.Result(true, "launch"));
    }

    private bool IsNic(int port) => port >= 0 && port < options.PhyPortCount;

    /// <summary>Status JSON (11.1); <paramref name="extraNics"/> more phy_ports entries make it longer.</summary>
    private string Status(int extraNics)
    {
        var lcores = options.PrimaryWorkerLcores.Append(options.PrimaryMasterLcore).Distinct().Order();
        var members = new List<(string, string)>
        {
            ("master-lcore", options.PrimaryMasterLcore.ToString()),
            ("lcores", PaddedReplies.Numbers(lcores)),
        };
        if (options.PrimaryWorkerLcores.Count > 0) members.Add(("forwarder", Forwarder()));
        members.Add(("phy_ports", Compact.Array(Enumerable.Range(0, options.PhyPortCount + extraNics).Select(NicStatus))));
        members.Add(("ring_ports", Compact.Array(Enumerable.Range(0, options.RingCount).Select(RingStatus))));
        members.Add(("pipes", Compact.Array(_pipes.Select(p => Compact.Object(
            ("id", p.Id.ToString()), ("rx", p.Rx.ToString()), ("tx", p.Tx.ToString()))))));
        return Compact.Object([.. members]);
    }

    private string Forwarder() => Compact.Object(
        ("status", Str(_forwarding ? "running" : "idling")),
        ("ports", Compact.Array(_ports.Devices.Select(d => Str(d.Name)))),
        ("patches", PaddedReplies.Patches(_ports, (device, _) => device.Name)));

    private string NicStatus(int id) => Compact.Object(
        ("id", id.ToString()),
        ("eth", Str($"56:48:4f:53:54:{id & 0xFF:x2}")),
        ("rx", "0"),
        ("tx", "0"),
        ("tx_drop", "0"),
        ("nof_queues", Compact.Object(("rx", options.PhyQueueCount.ToString()), ("tx", options.PhyQueueCount.ToString()))),
        ("flow", _flows.StatusJson(id)));

    private static string RingStatus(int id) => Compact.Object(
        ("id", id.ToString()), ("rx", "0"), ("rx_drop", "0"), ("tx", "0"), ("tx_drop", "0"));
}
