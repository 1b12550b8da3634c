using System.Text.Json;
using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;
using Spp.Protocol.Replies;
using Spp.Protocol.Status;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>What spp_vf and spp_mirror share: components, their ports, and the status they report (rest-api.md 2.4, 2.5).</summary>
public static class ComponentRequests
{
    /// <summary>The converted status of rest-api.md 2.4.1.</summary>
    public static CommandPlan Status() => Plans.Status((process, info, _) => WorkerStatus.Read(info) is { } status
        ? new ApiResult.Json(WorkerStatusJson.Write(status))
        : Plans.InvalidReply(process, "missing info"));

    /// <summary>
    /// <c>component start</c>, after a fresh status shows that <c>core</c> is not the master lcore (a process
    /// given its master lcore hangs for good).
    /// </summary>
    public static CommandPlan Start(JsonBody body, Func<string, string?> typeOnWire)
    {
        body.RequireAll("name", "core", "type");
        var name = Name(body.Require("name"));
        var coreValue = body.Require("core");
        var core = JsonBody.IntegerOf("core", coreValue, 0, int.MaxValue);
        var type = body.Require("type");
        var wireType = type.ValueKind == JsonValueKind.String ? typeOnWire(type.GetString()!) : null;
        if (wireType is null) throw ApiRejection.Invalid("type", type);
        return Plans.Mutation(WorkerCommands.ComponentStart(name, core, wireType)) with
        {
            Gate = (process, statusReply) => NotOnMaster(process, statusReply, core, coreValue),
        };
    }

    public static CommandPlan Stop(EndpointCall call) =>
        Plans.Mutation(WorkerCommands.ComponentStop(PathName(call)));

    /// <summary>
    /// Attach or detach a port; <paramref name="withVlan"/> is false for spp_mirror, which ignores <c>vlan</c>.
    /// </summary>
    public static CommandPlan Port(EndpointCall call, bool withVlan)
    {
        var name = PathName(call);
        var body = call.Body;
        body.RequireAll("action", "port", "dir");
        var action = body.OneOf("action", "attach", "detach");
        var dir = body.OneOf("dir", "rx", "tx");
        var port = body.Port("port");
        if (action == "detach") return Plans.Mutation(WorkerCommands.PortDel(port, dir, name));
        var tagging = withVlan ? VlanTaggingOf(body.Find("vlan")) : null;
        return Plans.Mutation(WorkerCommands.PortAdd(port, dir, name, tagging));
    }

    public static string PathName(EndpointCall call)
    {
        var name = call.Parameter("name");
        return ComponentName.IsValid(name) ? name : throw ApiRejection.Invalid("name", name);
    }

    private static string Name(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && ComponentName.IsValid(value.GetString())
            ? value.GetString()!
            : throw ApiRejection.Invalid("name", value);

    private static ApiResult? NotOnMaster(ProcessId process, byte[] statusReply, long core, JsonElement coreValue)
    {
        var verdict = ReplyReader.Status(ReplyFamily.Stream, statusReply);
        if (verdict is not ReplyVerdict.Accepted { Value: { } info }) return Plans.Answer(process, verdict, _ => ApiResult.Done);
        if (WorkerStatus.Read(info) is not { } status) return Plans.InvalidReply(process, "missing info");
        var onMaster = status.MasterLcore.ValueKind == JsonValueKind.Number
            && status.MasterLcore.TryGetInt64(out var master) && master == core;
        return onMaster ? ApiResult.BadRequest($"invalid key(core): {JsonValueText.Of(coreValue)}.") : null;
    }

    /// <summary>Absent, null or <c>{}</c>: no tag operation; otherwise a valid operation (rest-api.md 2.4.5 step 4).</summary>
    private static VlanTagging? VlanTaggingOf(JsonElement? vlan)
    {
        if (vlan is not { } value || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().Any()) return null;
        var invalid = ApiRejection.Invalid("vlan", JsonValueText.Compacted(value));
        if (value.ValueKind != JsonValueKind.Object || JsonBody.Find(value, "operation") is not { ValueKind: JsonValueKind.String } operation)
            throw invalid;
        switch (operation.GetString())
        {
            case "none": return null;
            case "del": return new VlanTagging.Strip();
            case "add":
                var id = JsonBody.Find(value, "id");
                var pcp = JsonBody.Find(value, "pcp");
                if (id is not { } i || pcp is not { } p || !InRange(i, 4095) || !InRange(p, 7)) throw invalid;
                return new VlanTagging.Push(i.GetInt32(), p.GetInt32());
            default: throw invalid;
        }
    }

    private static bool InRange(JsonElement value, int max) =>
        JsonBody.IsInteger(value) && value.TryGetInt32(out var n) && n >= 0 && n <= max;
}
