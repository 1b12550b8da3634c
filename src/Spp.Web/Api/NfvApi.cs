using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>spp_nfv (rest-api.md 2.3): each route, what it validates, what it sends, what it answers.</summary>
public static class NfvApi
{
    private const ProcessType Nfv = ProcessType.Nfv;

    /// <summary>Port types spp_nfv can add and delete; phy, tap and pipe would corrupt or crash it.</summary>
    private static readonly string[] PortTypes = ["ring", "vhost", "pcap", "memif", "nullpmd"];

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Nfv, "/v1/nfvs/{client_id}", _ => Plans.StatusAsReported()) with { Doc = Docs.Status },
        api.Delete(Nfv, "/v1/nfvs/{client_id}", _ => Plans.Exit()) with { Doc = EndpointDoc.Command("Terminate spp_nfv (exit)", 404, 500) },
        api.Put(Nfv, "/v1/nfvs/{client_id}/forward", call => Plans.Mutation(PortRequests.Forward(call.Body))) with { Doc = Docs.Forward },
        api.Put(Nfv, "/v1/nfvs/{client_id}/ports", call => Plans.Mutation(PortRequests.AddOrDelete(call.Body, PortTypes))) with { Doc = Docs.Ports },
        api.Put(Nfv, "/v1/nfvs/{client_id}/patches", call => Plans.Mutation(PortRequests.Patch(call.Body))) with { Doc = Docs.Patch },
        api.Delete(Nfv, "/v1/nfvs/{client_id}/patches", _ => Plans.Mutation(Commands.PatchReset))
            with { Doc = EndpointDoc.Command("Remove every patch (patch reset)", 404, 500) },
    ];

    /// <summary>What the OpenAPI document says about these endpoints (rest-api.md 2.3).</summary>
    private static class Docs
    {
        public static readonly EndpointDoc Status = EndpointDoc.Read("Status of spp_nfv, as it reports it", ApiSchemas.NfvStatus,
            new DocExample("running", """{"client-id":1,"status":"running","master-lcore":1,"lcores":[1,2],"ports":["phy:0","phy:1","vhost:0","vhost:1","ring:0","ring:1"],"patches":[{"src":"vhost:0","dst":"ring:0"},{"src":"ring:1","dst":"vhost:1"}]}"""),
            404, 500);

        public static readonly EndpointDoc Forward = EndpointDoc.Change("Start or stop forwarding (forward / stop)", ApiSchemas.Forward,
            new DocExample("start", """{"action":"start"}"""));

        public static readonly EndpointDoc Ports = EndpointDoc.Change("Add or delete a port (add / del)", () => ApiSchemas.Ports(PortTypes, pipe: false),
            new DocExample("add a ring", """{"action":"add","port":"ring:0"}"""),
            new DocExample("delete a vhost", """{"action":"del","port":"vhost:1"}"""));

        public static readonly EndpointDoc Patch = EndpointDoc.Change("Patch two ports (patch src dst)", ApiSchemas.Patch,
            new DocExample("patch", """{"src":"ring:0","dst":"phy:1"}"""),
            new DocExample("a queue", """{"src":"phy:0nq1","dst":"ring:0"}"""));
    }
}
