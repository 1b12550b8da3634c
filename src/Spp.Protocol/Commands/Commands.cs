using Spp.Protocol.Grammar;

namespace Spp.Protocol.Commands;

/// <summary>The commands that spp_primary and spp_nfv share (wire-protocol.md 5, 6).</summary>
public static class Commands
{
    public const string GetClientId = "_get_client_id";
    public const string Status = "status";
    public const string Exit = "exit";
    public const string Clear = "clear";
    public const string PatchReset = "patch reset";

    /// <summary><c>forward</c> for start, <c>stop</c> for stop.</summary>
    public static string Forward(bool start) => start ? "forward" : "stop";

    public static string Add(ResourceId port) => $"add {port}";

    public static string AddPipe(ResourceId pipe, ResourceId rx, ResourceId tx) => $"add {pipe} {rx} {tx}";

    public static string Del(ResourceId port) => $"del {port}";

    public static string Patch(ResourceId src, ResourceId dst) => $"patch {src} {dst}";
}
