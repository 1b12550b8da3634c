using Spp.Emulator.Padded;
using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Nfv;

/// <summary>spp_nfv: its client id, forwarding state, ports and patches.</summary>
internal sealed class NfvBehaviour(int clientId, EmulatorOptions options) : IProcessBehaviour
{
    private static readonly string[] DeviceTypes = ["ring", "vhost", "pcap", "memif", "nullpmd"];
    private const int EchoedUidLength = 31;

    private readonly PortTable _ports = new(options.PhyPortCount, options.PhyQueueCount);
    private int _clientId = clientId;
    private bool _running;

    public Reply Handle(Request request, FaultSnapshot faults) => request.Word switch
    {
        "_get_client_id" => Reply.Text(Handshake(faults)),
        "_set_client_id" => SetClientId(request),
        "status" => Reply.Text(Inflation.Render(Status, faults.InflateStatusBytes, options.MessageSize - 1)),
        "exit" => Reply.Text(PaddedReplies.Result(true, "exit"), Fate.Exit),
        "forward" => Forward(true),
        "stop" => Forward(false),
        "add" => Add(request),
        "del" => Delete(request),
        "patch" => PatchCommand.Handle(request, _ports, (token, _) => token.Length > EchoedUidLength ? token[..EchoedUidLength] : token),
        _ => new Reply(Echo.Of(request), Fate.Continue),
    };

    private string Handshake(FaultSnapshot faults) => Compact.Object(
        ("results", Compact.Array([Compact.Object(("result", Str("success")))])),
        ("client_id", (faults.ClaimedClientId ?? _clientId).ToString()),
        ("process_type", Str(faults.ClaimedProcessType ?? "nfv")));

    private Reply SetClientId(Request request)
    {
        if (request.Token(1) is not { } id) return Reply.Crash;
        var succeeded = CNumber.TryParseInRange(id, 10, int.MinValue, int.MaxValue, out var newId);
        if (succeeded) _clientId = newId;
        return Reply.Text(PaddedReplies.Result(succeeded, "_set_client_id"));
    }

    private Reply Forward(bool running)
    {
        _running = running;
        return Reply.Text(PaddedReplies.Result(true, running ? "forward" : "stop"));
    }

    private Reply Add(Request request)
    {
        if (!PortArgument.TryRead(request, out var uid, out var failure)) return failure;
        var succeeded = true;
        if (DeviceTypes.Contains(uid.Type)) succeeded = _ports.AddDevice(uid, options.RingCount);
        else _ports.CorruptFirstEntry();
        return Reply.Text(PaddedReplies.Port(succeeded, "add", uid.Name));
    }

    private Reply Delete(Request request)
    {
        // Forwarding stops first, whatever happens next.
        _running = false;
        if (!PortArgument.TryRead(request, out var uid, out var failure)) return failure;
        // Other types are never found and index the forwarding table out of bounds.
        if (!DeviceTypes.Contains(uid.Type)) return Reply.Crash;
        var device = _ports.Find(uid.Type, uid.Id);
        if (device is not null) _ports.Remove(device);
        return Reply.Text(PaddedReplies.Port(device is not null, "del", uid.Name));
    }

    /// <summary>Status JSON (11.2); <paramref name="extraPorts"/> more vhost ports make it longer.</summary>
    private string Status(int extraPorts)
    {
        var lcores = options.WorkerLcores.Append(options.MasterLcore).Distinct().Order();
        var ports = _ports.Devices
            .SelectMany(d => Enumerable.Range(0, d.Queues).Select(d.QueueName))
            .Concat(Enumerable.Range(0, extraPorts).Select(i => $"vhost:{1000 + i}"));
        return Compact.Object(
            ("client-id", _clientId.ToString()),
            ("status", Str(_running ? "running" : "idling")),
            ("master-lcore", options.MasterLcore.ToString()),
            ("lcores", PaddedReplies.Numbers(lcores)),
            ("ports", Compact.Array(ports.Select(Str))),
            ("patches", PaddedReplies.Patches(_ports, (device, queue) => device.QueueName(queue))));
    }
}
