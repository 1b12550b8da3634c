using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Worker;

/// <summary>The spaced JSON envelope of vf, mirror and pcap replies.</summary>
internal static class WorkerReplies
{
    private static readonly string SuccessResults = Spaced.Array([Spaced.Object(("result", Str("success")))]);

    /// <summary><c>{ "results": [ { "result": "success" } ] }</c></summary>
    public static string Success() => Spaced.Object(("results", SuccessResults));

    public static string Error(string message) => Spaced.Object(("results", Spaced.Array([Spaced.Object(
        ("result", Str("error")),
        ("error_details", Spaced.Object(("message", Str(message)))))])));

    public static string Handshake(int clientId, string processType) => Spaced.Object(
        ("results", SuccessResults), ("client_id", clientId.ToString()), ("process_type", Str(processType)));

    public static string Status(string info) => Spaced.Object(("results", SuccessResults), ("info", info));
}
