using System.Text.Json;
using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>spp_vf (rest-api.md 2.4): each route, what it validates, what it sends, what it answers.</summary>
public static class VfApi
{
    private const ProcessType Vf = ProcessType.Vf;

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Vf, "/v1/vfs/{client_id}", _ => ComponentRequests.Status()) with { Doc = Docs.Status },
        api.Delete(Vf, "/v1/vfs/{client_id}", _ => Plans.Exit()) with { Doc = Docs.Exit },
        api.Post(Vf, "/v1/vfs/{client_id}/components", call => ComponentRequests.Start(call.Body, ComponentType)) with { Doc = Docs.Start },
        api.Delete(Vf, "/v1/vfs/{client_id}/components/{name}", ComponentRequests.Stop) with { Doc = Docs.Stop },
        api.Put(Vf, "/v1/vfs/{client_id}/components/{name}/ports", call => ComponentRequests.Port(call, withVlan: true)) with { Doc = Docs.Port },
        api.Put(Vf, "/v1/vfs/{client_id}/components/{name}", call => ComponentRequests.Port(call, withVlan: true))
            with { Doc = Docs.Port with { Summary = "Attach or detach a port (the 2018 route of .../ports)" } },
        api.Put(Vf, "/v1/vfs/{client_id}/classifier_table", call => Plans.Mutation(ClassifierTable(call.Body))) with { Doc = Docs.ClassifierTable },
    ];

    /// <summary>What the OpenAPI document says about these endpoints (rest-api.md 2.4).</summary>
    private static class Docs
    {
        public static readonly EndpointDoc Status = EndpointDoc.Read("Status of spp_vf, converted from its info", ApiSchemas.WorkerStatus,
            new DocExample("a forwarder and a classifier entry", """{"client-id":1,"ports":["phy:0","phy:1","vhost:0","ring:0"],"master-lcore":1,"components":[{"core":2,"name":"fwd0_tx","type":"forward","rx_port":[{"port":"ring:0","vlan":{"operation":"none","id":0,"pcp":0}}],"tx_port":[{"port":"vhost:0","vlan":{"operation":"none","id":0,"pcp":0}}]},{"core":3,"type":"unuse"}],"classifier_table":[{"type":"mac","value":"FA:16:3E:7D:CC:35","port":"ring:0"}]}"""),
            400, 404, 500);

        public static readonly EndpointDoc Exit = EndpointDoc.Command("Terminate spp_vf (exit)", 400, 404, 500);

        public static readonly EndpointDoc Start = EndpointDoc.Change("Start a component on a core (status, then component start)",
            () => ApiSchemas.ComponentStart("forward", "merge", "classifier", "classifier_mac"),
            new DocExample("forward", """{"name":"fwd1","core":2,"type":"forward"}"""));

        public static readonly EndpointDoc Stop = EndpointDoc.Command("Stop a component (component stop)", 400, 404, 500);

        public static readonly EndpointDoc Port = EndpointDoc.Change("Attach a port to a component or detach it (port add / port del)",
            () => ApiSchemas.ComponentPort(vlan: true),
            new DocExample("attach with a VLAN tag", """{"action":"attach","port":"vhost:1","dir":"rx","vlan":{"operation":"add","id":677,"pcp":0}}"""),
            new DocExample("attach as the SPP CLI sends it", """{"action":"attach","port":"phy:0nq1","dir":"rx","vlan":{}}"""),
            new DocExample("detach", """{"action":"detach","port":"vhost:0","dir":"tx"}"""));

        public static readonly EndpointDoc ClassifierTable = EndpointDoc.Change("Add or delete a classifier table entry (classifier_table)",
            ClassifierSchema,
            new DocExample("mac", """{"action":"add","type":"mac","mac_address":"FA:16:3E:7D:CC:35","port":"ring:0"}"""),
            new DocExample("vlan", """{"action":"del","type":"vlan","vlan":475,"mac_address":"FA:16:3E:7D:CC:35","port":"ring:0"}"""),
            new DocExample("vlan as the SPP CLI sends it", """{"action":"add","type":"vlan","vlan":"101","mac_address":"default","port":"ring:1"}"""));

        private static System.Text.Json.Nodes.JsonObject ClassifierSchema() => Schema.Object(["action", "type", "port", "mac_address"],
            ("action", Schema.Enum("add or delete the entry", "add", "del")),
            ("type", Schema.Enum("entry type", "mac", "vlan")),
            ("vlan", Schema.OfTypes("VLAN id 0-4095, an integer or a digit string; for type vlan", "integer", "string", "null")),
            ("mac_address", Schema.String("MAC address or default", Schema.MacAddressPattern)),
            ("port", Schema.ResourceId()));
    }

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
