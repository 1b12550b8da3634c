using System.Text.Json;

namespace Spp.Protocol.Status;

/// <summary>Which lcores one process uses, as <c>GET /v1/cpu_usage</c> reports it (rest-api.md 2.1.2).</summary>
public sealed record LcoreUsage(int MasterLcore, IReadOnlyList<int> Lcores)
{
    /// <summary>
    /// From the status object of primary or nfv, or the <c>info</c> of a worker process. Null if the status
    /// lacks what is needed.
    /// </summary>
    public static LcoreUsage? Read(ProcessType type, JsonElement status) => status.ValueKind != JsonValueKind.Object ? null : type switch
    {
        ProcessType.Primary => ReadPrimary(status),
        ProcessType.Nfv => ReadNfv(status),
        _ => ReadWorker(status),
    };

    private static LcoreUsage? ReadPrimary(JsonElement status)
    {
        var lcores = Integers(status, "lcores");
        if (lcores is null) return null;
        if (TryInt(status, "master-lcore", out var master)) return new LcoreUsage(master, lcores);
        return lcores.Count > 0 ? new LcoreUsage(lcores[0], lcores) : null;
    }

    private static LcoreUsage? ReadNfv(JsonElement status) =>
        TryInt(status, "master-lcore", out var master) && Integers(status, "lcores") is { } lcores
            ? new LcoreUsage(master, lcores)
            : null;

    private static LcoreUsage? ReadWorker(JsonElement info)
    {
        if (!TryInt(info, "master-lcore", out var master)) return null;
        if (!info.TryGetProperty("core", out var cores) || cores.ValueKind != JsonValueKind.Array) return null;
        var lcores = new List<int> { master };
        foreach (var core in cores.EnumerateArray())
        {
            if (!TryInt(core, "core", out var id)) return null;
            lcores.Add(id);
        }
        return new LcoreUsage(master, lcores);
    }

    private static bool TryInt(JsonElement obj, string name, out int value)
    {
        value = 0;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var e)
            && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }

    private static List<int>? Integers(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return null;
        var list = new List<int>();
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v)) return null;
            list.Add(v);
        }
        return list;
    }
}
