using System.Text.Json;
using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>spp_vf (rest-api.md 2.4): each route, what it validates, what it sends, what it answers.</summary>
public static class VfApi
{
    private const ProcessType Vf = ProcessType.Vf;

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Vf, "/v1/vfs/{client_id}", _ => ComponentRequests.Status()),
        api.Delete(Vf, "/v1/vfs/{client_id}", _ => Plans.Exit()),
        api.Post(Vf, "/v1/vfs/{client_id}/components", call => ComponentRequests.Start(call.Body, ComponentType)),
        api.Delete(Vf, "/v1/vfs/{client_id}/components/{name}", ComponentRequests.Stop),
        api.Put(Vf, "/v1/vfs/{client_id}/components/{name}/ports", call => ComponentRequests.Port(call, withVlan: true)),
        api.Put(Vf, "/v1/vfs/{client_id}/components/{name}", call => ComponentRequests.Port(call, withVlan: true)),
        api.Put(Vf, "/v1/vfs/{client_id}/classifier_table", call => Plans.Mutation(ClassifierTable(call.Body))),
    ];

    /// <summary><c>classifier_mac</c> is the 2018 name of <c>classifier</c>, which is what today's spp_vf knows.</summary>
    private static string? ComponentType(string type) => type switch
    {
        "forward" or "merge" or "classifier" => type,
        "classifier_mac" => "classifier",
        _ => null,
    };

    private static string ClassifierTable(JsonBody body)
    {
        body.RequireAll("action", "type", "port", "mac_address");
        var action = body.OneOf("action", "add", "del");
        var type = body.OneOf("type", "mac", "vlan");
        var port = body.Port("port");
        var macValue = body.Require("mac_address");
        var mac = macValue.ValueKind == JsonValueKind.String && MacAddress.IsValid(macValue.GetString())
            ? macValue.GetString()!
            : throw ApiRejection.Invalid("mac_address", macValue);
        if (type == "mac") return WorkerCommands.ClassifierMac(action, mac, port);

        var vlan = body.Find("vlan") is { ValueKind: not JsonValueKind.Null } v ? v : throw ApiRejection.Required("vlan");
        var id = vlan.ValueKind == JsonValueKind.String
            ? Digits.TryRead(vlan.GetString(), 4095, out var fromText) ? fromText : throw ApiRejection.Invalid("vlan", vlan)
            : JsonBody.IntegerOf("vlan", vlan, 0, 4095);
        return WorkerCommands.ClassifierVlan(action, id, mac, port);
    }
}
