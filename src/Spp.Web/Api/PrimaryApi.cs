using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>spp_primary (rest-api.md 2.2): each route, what it validates, what it sends, what it answers.</summary>
public static class PrimaryApi
{
    private const ProcessType Primary = ProcessType.Primary;

    /// <summary>Port types spp_primary can add and delete; phy and tap would corrupt its port table.</summary>
    private static readonly string[] PortTypes = ["ring", "vhost", "pcap", "memif", "nullpmd", "pipe"];

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Primary, "/v1/primary/status", _ => Plans.StatusAsReported()),
        api.Delete(Primary, "/v1/primary/status", _ => Plans.Mutation(Commands.Clear)),
        api.Put(Primary, "/v1/primary/forward", call => Plans.Mutation(PortRequests.Forward(call.Body))),
        api.Put(Primary, "/v1/primary/ports", call => Plans.Mutation(PortRequests.AddOrDelete(call.Body, PortTypes))),
        api.Put(Primary, "/v1/primary/patches", call => Plans.Mutation(PortRequests.Patch(call.Body))),
        api.Delete(Primary, "/v1/primary/patches", _ => Plans.Mutation(Commands.PatchReset)),
        api.Put(Primary, "/v1/primary/launch", call => Plans.Mutation(LaunchRequest.Command(call.Body))),
        api.Delete(Primary, "/v1/primary", _ => Plans.Exit()),
        api.Delete(Primary, "/v1/primary/", _ => Plans.Exit()),
        api.Post(Primary, "/v1/primary/flow_rules/port_id/{port_id}/validate", call => Plans.Flow(FlowRequest.Command("validate", call))),
        api.Post(Primary, "/v1/primary/flow_rules/port_id/{port_id}", call => Plans.Flow(FlowRequest.Command("create", call))),
        .. FlowDestroy(api, "flow_rules"),
        .. FlowDestroy(api, "flow_rule"),
    ];

    /// <summary>Destroying rules; <c>flow_rule</c> is the spelling of upstream's API reference.</summary>
    private static IEnumerable<ApiEndpoint> FlowDestroy(ProcessEndpoints api, string collection) =>
    [
        api.Delete(Primary, $"/v1/primary/{collection}/port_id/{{port_id}}",
            call => Plans.Flow(FlowCommand.DestroyAll(FlowRequest.PortId(call)))),
        api.Delete(Primary, $"/v1/primary/{collection}/{{rule_id}}/port_id/{{port_id}}",
            call => Plans.Flow(FlowCommand.Destroy(FlowRequest.PortId(call), FlowRequest.RuleId(call)))),
    ];
}
