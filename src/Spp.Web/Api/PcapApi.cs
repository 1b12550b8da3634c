using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>spp_pcap (rest-api.md 2.6): status is the process's <c>info</c> as reported.</summary>
public static class PcapApi
{
    private const ProcessType Pcap = ProcessType.Pcap;

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Pcap, "/v1/pcaps/{client_id}", _ => Plans.Status((info, _) => new ApiResult.Json(System.Text.Encoding.UTF8.GetBytes(info.GetRawText())))),
        api.Put(Pcap, "/v1/pcaps/{client_id}/capture", call => Plans.Mutation(
            call.Body.OneOf("action", "start", "stop") == "start" ? WorkerCommands.CaptureStart : WorkerCommands.CaptureStop)),
        api.Delete(Pcap, "/v1/pcaps/{client_id}", _ => Plans.Exit()),
    ];
}
