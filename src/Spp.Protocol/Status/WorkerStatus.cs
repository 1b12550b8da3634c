using System.Text.Json;

namespace Spp.Protocol.Status;

/// <summary>
/// The <c>info</c> of an spp_vf or spp_mirror status reply (wire-protocol.md 11.3, 11.4), read into the members
/// the REST API reports (rest-api.md 2.4.1). Components and the classifier table are kept as reported.
/// </summary>
public sealed record WorkerStatus(
    JsonElement ClientId,
    IReadOnlyList<string> Ports,
    JsonElement MasterLcore,
    JsonElement Components,
    JsonElement? ClassifierTable)
{
    private static readonly string[] PortTypes = ["phy", "vhost", "ring"];

    public static WorkerStatus? Read(JsonElement info)
    {
        if (info.ValueKind != JsonValueKind.Object
            || !info.TryGetProperty("client-id", out var clientId)
            || !info.TryGetProperty("master-lcore", out var master)
            || !info.TryGetProperty("core", out var core))
            return null;

        var ports = new List<string>();
        foreach (var type in PortTypes)
        {
            if (!info.TryGetProperty(type, out var list) || list.ValueKind != JsonValueKind.Array) return null;
            foreach (var entry in list.EnumerateArray())
                ports.Add(entry.ValueKind == JsonValueKind.String ? $"{type}:{entry.GetString()}" : $"{type}:{entry.GetRawText()}");
        }
        JsonElement? table = info.TryGetProperty("classifier_table", out var t) ? t : null;
        return new WorkerStatus(clientId, ports, master, core, table);
    }
}
