using Spp.Protocol;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>spp_mirror (rest-api.md 2.5): as spp_vf, with one component type and no VLAN or classifier.</summary>
public static class MirrorApi
{
    private const ProcessType Mirror = ProcessType.Mirror;

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Mirror, "/v1/mirrors/{client_id}", _ => ComponentRequests.Status()),
        api.Delete(Mirror, "/v1/mirrors/{client_id}", _ => Plans.Exit()),
        api.Post(Mirror, "/v1/mirrors/{client_id}/components",
            call => ComponentRequests.Start(call.Body, type => type == "mirror" ? type : null)),
        api.Delete(Mirror, "/v1/mirrors/{client_id}/components/{name}", ComponentRequests.Stop),
        api.Put(Mirror, "/v1/mirrors/{client_id}/components/{name}/ports", call => ComponentRequests.Port(call, withVlan: false)),
    ];
}
