using System.Security.Cryptography;
using System.Text.Json;
using Spp.Web.Http;
using Spp.Protocol;

namespace Spp.Web.Api;

/// <summary>
/// The ETag of a process: a short hash of its raw <c>status</c> reply, the same bytes whether a GET shows them or an
/// If-Match gate looks at them. The primary's per-port packet counters (<c>rx</c>, <c>tx</c>, <c>rx_drop</c>,
/// <c>tx_drop</c> of <c>phy_ports</c> and <c>ring_ports</c>) are left out, so traffic alone does not change its tag.
/// </summary>
public static class StatusTag
{
    private static readonly string[] PortLists = ["phy_ports", "ring_ports"];
    private static readonly string[] Counters = ["rx", "tx", "rx_drop", "tx_drop"];

    /// <summary>A quoted strong entity tag such as <c>"3f2a9c0d1b7e4a55"</c>.</summary>
    public static string Of(ProcessId process, byte[] statusReply)
    {
        var hashed = process.IsPrimary ? WithoutCounters(statusReply) ?? statusReply : statusReply;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(hashed, hash);
        return $"\"{Convert.ToHexStringLower(hash[..8])}\"";
    }

    /// <summary>The primary's status with its port counters removed, or null if it is not a JSON object.</summary>
    private static byte[]? WithoutCounters(byte[] statusReply)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(statusReply);
        }
        catch (JsonException)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object) return null;

        return JsonBytes.Write(json =>
        {
            json.WriteStartObject();
            foreach (var member in root.EnumerateObject())
            {
                json.WritePropertyName(member.Name);
                if (PortLists.Contains(member.Name) && member.Value.ValueKind == JsonValueKind.Array) WritePorts(json, member.Value);
                else member.Value.WriteTo(json);
            }
            json.WriteEndObject();
        });
    }

    private static void WritePorts(Utf8JsonWriter json, JsonElement ports)
    {
        json.WriteStartArray();
        foreach (var port in ports.EnumerateArray())
        {
            if (port.ValueKind != JsonValueKind.Object)
            {
                port.WriteTo(json);
                continue;
            }
            json.WriteStartObject();
            foreach (var member in port.EnumerateObject().Where(m => !Counters.Contains(m.Name))) member.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
