using Spp.Protocol;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>spp_mirror (rest-api.md 2.5): as spp_vf, with one component type and no VLAN or classifier.</summary>
public static class MirrorApi
{
    private const ProcessType Mirror = ProcessType.Mirror;

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Mirror, "/v1/mirrors/{client_id}", _ => ComponentRequests.Status()) with { Doc = Docs.Status },
        api.Delete(Mirror, "/v1/mirrors/{client_id}", _ => Plans.Exit()) with { Doc = Docs.Exit },
        api.Post(Mirror, "/v1/mirrors/{client_id}/components",
            call => ComponentRequests.Start(call.Body, type => type == "mirror" ? type : null)) with { Doc = Docs.Start },
        api.Delete(Mirror, "/v1/mirrors/{client_id}/components/{name}", ComponentRequests.Stop) with { Doc = Docs.Stop },
        api.Put(Mirror, "/v1/mirrors/{client_id}/components/{name}/ports", call => ComponentRequests.Port(call, withVlan: false)) with { Doc = Docs.Port },
    ];

    /// <summary>What the OpenAPI document says about these endpoints (rest-api.md 2.5).</summary>
    private static class Docs
    {
        public static readonly EndpointDoc Status = EndpointDoc.Read("Status of spp_mirror, converted from its info", ApiSchemas.WorkerStatus,
            new DocExample("a mirror", """{"client-id":1,"ports":["phy:0","phy:1","ring:0","ring:1","ring:2"],"master-lcore":1,"components":[{"core":2,"name":"mr0","type":"mirror","rx_port":[{"port":"ring:0","vlan":{"operation":"none","id":0,"pcp":0}}],"tx_port":[{"port":"ring:1","vlan":{"operation":"none","id":0,"pcp":0}},{"port":"ring:2","vlan":{"operation":"none","id":0,"pcp":0}}]},{"core":3,"type":"unuse"}]}"""),
            400, 404, 500);

        public static readonly EndpointDoc Exit = EndpointDoc.Command("Terminate spp_mirror (exit)", 400, 404, 500);

        public static readonly EndpointDoc Start = EndpointDoc.Change("Start a component on a core (status, then component start)",
            () => ApiSchemas.ComponentStart("mirror"),
            new DocExample("mirror", """{"name":"mr1","core":12,"type":"mirror"}"""));

        public static readonly EndpointDoc Stop = EndpointDoc.Command("Stop a component (component stop)", 400, 404, 500);

        public static readonly EndpointDoc Port = EndpointDoc.Change("Attach a port to a component or detach it (port add / port del)",
            () => ApiSchemas.ComponentPort(vlan: false),
            new DocExample("attach", """{"action":"attach","port":"ring:1","dir":"rx"}"""),
            new DocExample("detach", """{"action":"detach","port":"ring:1","dir":"rx"}"""));
    }
}
