using Spp.Emulator.Worker;
using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Pcap;

/// <summary>
/// spp_pcap: a receive thread on the first worker lcore, writer threads on the others, and the capture state.
/// The state changes as soon as <c>start</c>/<c>stop</c> is answered.
/// </summary>
internal sealed class PcapBehaviour(int clientId, EmulatorOptions options) : IProcessBehaviour
{
    private readonly CapturePort _port = CapturePort.Parse(options.PcapCapturePort);
    private string? _captureStarted;

    public Reply Handle(Request request, FaultSnapshot faults) => WorkerGrammar.Pcap.Answer(request, r => r.Word switch
    {
        "_get_client_id" => Reply.Text(WorkerReplies.Handshake(faults.ClaimedClientId ?? clientId, faults.ClaimedProcessType ?? "pcap")),
        "status" => Reply.Text(Inflation.Render(Status, faults.InflateStatusBytes)),
        "start" => Capture(true),
        "stop" => Capture(false),
        _ => Reply.Text(WorkerReplies.Success(), Fate.Exit), // exit: the grammar admits no other word
    });

    private Reply Capture(bool start)
    {
        if (!start) _captureStarted = null;
        else _captureStarted ??= DateTime.Now.ToString("yyyyMMddHHmmss");
        return Reply.Text(WorkerReplies.Success());
    }

    /// <summary>Status JSON (11.5); <paramref name="extraWriters"/> more writer threads make it longer.</summary>
    private string Status(int extraWriters)
    {
        var lcores = options.WorkerLcores.Order().ToList();
        if (lcores.Count > 0) lcores.AddRange(Enumerable.Range(lcores[^1] + 1, extraWriters));
        var cores = lcores.Select((lcore, index) => index == 0
            ? Spaced.Object(("core", lcore.ToString()), ("role", Str("receive")),
                ("rx_port", Spaced.Array([Spaced.Object(("port", Str(_port.Name)))])))
            : Spaced.Object(("core", lcore.ToString()), ("role", Str("write")), ("filename", Str(FileName(index)))));
        return WorkerReplies.Status(Spaced.Object(
            ("client-id", clientId.ToString()),
            ("status", Str(_captureStarted is null ? "idle" : "running")),
            ("master-lcore", options.MasterLcore.ToString()),
            ("core", Spaced.Array(cores))));
    }

    private string FileName(int writer) => _captureStarted is null
        ? ""
        : $"{options.PcapOutputDirectory}/spp_pcap.{_captureStarted}.{_port.FileTag}.{writer}.1.pcap.lz4";
}
