using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>spp_pcap (rest-api.md 2.6): status is the process's <c>info</c> as reported.</summary>
public static class PcapApi
{
    private const ProcessType Pcap = ProcessType.Pcap;

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Pcap, "/v1/pcaps/{client_id}", _ => Status()) with { Doc = Docs.Status },
        api.Put(Pcap, "/v1/pcaps/{client_id}/capture", call => Plans.Mutation(
            call.Body.OneOf("action", "start", "stop") == "start" ? WorkerCommands.CaptureStart : WorkerCommands.CaptureStop)) with { Doc = Docs.Capture },
        api.Delete(Pcap, "/v1/pcaps/{client_id}", _ => Plans.Exit()) with { Doc = EndpointDoc.Command("Terminate spp_pcap (exit)", 400, 404, 500) },
    ];

    /// <summary>The status of <c>GET /v1/pcaps/{client_id}</c>: the process's <c>info</c>.</summary>
    public static CommandPlan Status() => Plans.Status((_, info, _) => new ApiResult.Json(System.Text.Encoding.UTF8.GetBytes(info.GetRawText())));

    /// <summary>What the OpenAPI document says about these endpoints (rest-api.md 2.6).</summary>
    private static class Docs
    {
        public static readonly EndpointDoc Status = EndpointDoc.Read("Status of spp_pcap: its info as reported", ApiSchemas.PcapStatus,
            new DocExample("capturing", """{"client-id":1,"status":"running","master-lcore":1,"core":[{"core":2,"role":"receive","rx_port":[{"port":"phy:0"}]},{"core":3,"role":"write","filename":"/tmp/spp_pcap.20181108110600.phy0.1.1.pcap.lz4"}]}"""),
            400, 404, 500);

        public static readonly EndpointDoc Capture = EndpointDoc.Change("Start or stop capturing (start / stop)",
            () => Schema.Object(["action"], ("action", Schema.Enum("start or stop capturing", "start", "stop"))),
            new DocExample("start", """{"action":"start"}"""));
    }
}
