using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>spp_nfv (rest-api.md 2.3): each route, what it validates, what it sends, what it answers.</summary>
public static class NfvApi
{
    private const ProcessType Nfv = ProcessType.Nfv;

    /// <summary>Port types spp_nfv can add and delete; phy, tap and pipe would corrupt or crash it.</summary>
    private static readonly string[] PortTypes = ["ring", "vhost", "pcap", "memif", "nullpmd"];

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Nfv, "/v1/nfvs/{client_id}", _ => Plans.StatusAsReported()),
        api.Delete(Nfv, "/v1/nfvs/{client_id}", _ => Plans.Exit()),
        api.Put(Nfv, "/v1/nfvs/{client_id}/forward", call => Plans.Mutation(PortRequests.Forward(call.Body))),
        api.Put(Nfv, "/v1/nfvs/{client_id}/ports", call => Plans.Mutation(PortRequests.AddOrDelete(call.Body, PortTypes))),
        api.Put(Nfv, "/v1/nfvs/{client_id}/patches", call => Plans.Mutation(PortRequests.Patch(call.Body))),
        api.Delete(Nfv, "/v1/nfvs/{client_id}/patches", _ => Plans.Mutation(Commands.PatchReset)),
    ];
}
