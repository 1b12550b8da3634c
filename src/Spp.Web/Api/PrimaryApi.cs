using Spp.Protocol;
using Spp.Protocol.Commands;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>spp_primary (rest-api.md 2.2): each route, what it validates, what it sends, what it answers.</summary>
public static class PrimaryApi
{
    private const ProcessType Primary = ProcessType.Primary;

    /// <summary>Port types spp_primary can add and delete; phy and tap would corrupt its port table.</summary>
    private static readonly string[] PortTypes = ["ring", "vhost", "pcap", "memif", "nullpmd", "pipe"];

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessEndpoints api) =>
    [
        api.Get(Primary, "/v1/primary/status", _ => Plans.StatusAsReported()) with { Doc = Docs.Status },
        api.Delete(Primary, "/v1/primary/status", _ => Plans.Mutation(Commands.Clear)) with { Doc = EndpointDoc.Command("Clear the port statistics (clear)", 400, 404, 500) },
        api.Put(Primary, "/v1/primary/forward", call => Plans.Mutation(PortRequests.Forward(call.Body))) with { Doc = Docs.Forward },
        api.Put(Primary, "/v1/primary/ports", call => Plans.Mutation(PortRequests.AddOrDelete(call.Body, PortTypes))) with { Doc = Docs.Ports },
        api.Put(Primary, "/v1/primary/patches", call => Plans.Mutation(PortRequests.Patch(call.Body))) with { Doc = Docs.Patch },
        api.Delete(Primary, "/v1/primary/patches", _ => Plans.Mutation(Commands.PatchReset)) with { Doc = EndpointDoc.Command("Remove every patch (patch reset)", 404, 500) },
        api.Put(Primary, "/v1/primary/launch", call => Plans.Mutation(LaunchRequest.Command(call.Body))) with { Doc = Docs.Launch },
        api.Delete(Primary, "/v1/primary", _ => Plans.Exit()) with { Doc = Docs.Exit },
        api.Delete(Primary, "/v1/primary/", _ => Plans.Exit()) with { Doc = Docs.Exit },
        api.Post(Primary, "/v1/primary/flow_rules/port_id/{port_id}/validate", call => Plans.Flow(FlowRequest.Command("validate", call)))
            with { Doc = Docs.FlowValidate },
        api.Post(Primary, "/v1/primary/flow_rules/port_id/{port_id}", call => Plans.Flow(FlowRequest.Command("create", call)))
            with { Doc = Docs.FlowCreate },
        .. FlowDestroy(api, "flow_rules"),
        .. FlowDestroy(api, "flow_rule"),
    ];

    /// <summary>Destroying rules; <c>flow_rule</c> is the spelling of upstream's API reference.</summary>
    private static IEnumerable<ApiEndpoint> FlowDestroy(ProcessEndpoints api, string collection) =>
    [
        api.Delete(Primary, $"/v1/primary/{collection}/port_id/{{port_id}}",
            call => Plans.Flow(FlowCommand.DestroyAll(FlowRequest.PortId(call)))) with { Doc = Docs.FlowDestroyAll },
        api.Delete(Primary, $"/v1/primary/{collection}/{{rule_id}}/port_id/{{port_id}}",
            call => Plans.Flow(FlowCommand.Destroy(FlowRequest.PortId(call), FlowRequest.RuleId(call)))) with { Doc = Docs.FlowDestroy },
    ];

    /// <summary>What the OpenAPI document says about these endpoints (rest-api.md 2.2).</summary>
    private static class Docs
    {
        public static readonly EndpointDoc Status = EndpointDoc.Read("Status of spp_primary, as it reports it", ApiSchemas.PrimaryStatus,
            new DocExample("forwarder idling", """{"master-lcore":0,"lcores":[0,1],"forwarder":{"status":"idling","ports":["phy:0","phy:1","ring:0"],"patches":[{"src":"phy:0","dst":"ring:0"}]},"phy_ports":[{"id":0,"eth":"56:48:4f:53:54:00","rx":0,"tx":0,"tx_drop":0,"nof_queues":{"rx":1,"tx":1},"flow":[]}],"ring_ports":[{"id":0,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0}],"pipes":[{"id":0,"rx":0,"tx":1}]}"""),
            404, 500);

        public static readonly EndpointDoc Forward = EndpointDoc.Change("Start or stop the primary's forwarder (forward / stop)", ApiSchemas.Forward,
            new DocExample("start", """{"action":"start"}"""));

        public static readonly EndpointDoc Ports = EndpointDoc.Change("Add or delete a port (add / del); a pipe is added with its rings",
            () => ApiSchemas.Ports(PortTypes, pipe: true),
            new DocExample("add a ring", """{"action":"add","port":"ring:0"}"""),
            new DocExample("add a pipe", """{"action":"add","port":"pipe:0","rx":"ring:0","tx":"ring:1"}"""),
            new DocExample("delete", """{"action":"del","port":"pipe:0"}"""));

        public static readonly EndpointDoc Patch = EndpointDoc.Change("Patch two ports in the forwarder (patch src dst)", ApiSchemas.Patch,
            new DocExample("patch", """{"src":"phy:0","dst":"ring:0"}"""));

        public static readonly EndpointDoc Launch = EndpointDoc.Change("Ask the primary to start a secondary process (launch)", LaunchSchema,
            new DocExample("spp_nfv as the SPP CLI sends it", """{"proc_name":"spp_nfv","client_id":"5","eal":{"-l":"1,2","-m":"512","--no-pci":null,"--proc-type":"secondary"},"app":{"-n":"5","-s":"127.0.0.1:6666","--vhost-client":null}}"""),
            new DocExample("spp_vf", """{"proc_name":"spp_vf","client_id":6,"eal":{"-m":"512","-l":"1,4-7","--proc-type":"secondary"},"app":{"-s":"127.0.0.1:6666","--client-id":"6"}}"""));

        public static readonly EndpointDoc Exit = EndpointDoc.Command("Terminate spp_primary (exit)", 404, 500);

        public static readonly EndpointDoc FlowValidate = FlowDoc("Validate a flow rule on phy:{port_id} (flow validate)",
            """{"result":"success","message":"Flow rule validated"}""");

        public static readonly EndpointDoc FlowCreate = FlowDoc("Create a flow rule on phy:{port_id} (flow create)",
            """{"result":"success","message":"Flow rule #0 created","rule_id":"0"}""");

        public static readonly EndpointDoc FlowDestroyAll = ApiSchemas.FlowReplyDoc("Destroy every flow rule of phy:{port_id} (flow destroy ALL)",
            """{"result":"success","message":"Flow rule all destroyed"}""");

        public static readonly EndpointDoc FlowDestroy = ApiSchemas.FlowReplyDoc("Destroy one flow rule of phy:{port_id} (flow destroy)",
            """{"result":"success","message":"Flow rule #0 destroyed"}""");

        private static EndpointDoc FlowDoc(string summary, string reply) => ApiSchemas.FlowReplyDoc(summary, reply) with
        {
            RequestSchema = ApiSchemas.FlowRule,
            RequestExamples =
            [
                new("ingress with VLAN", """{"rule":{"group":0,"priority":0,"direction":"ingress","transfer":true,"pattern":["eth dst is 11:22:33:44:55:66 type mask 0xffff","vlan vid is 100"],"actions":["queue index 1","of_pop_vlan"]}}"""),
                new("egress jump", """{"rule":{"direction":"egress","pattern":["eth"],"actions":["jump group 1"]}}"""),
            ],
        };

        private static System.Text.Json.Nodes.JsonObject LaunchSchema() => Schema.Object(["client_id", "proc_name", "eal", "app"],
            ("client_id", Schema.OfTypes("client id of the new secondary: an integer or a digit string", "integer", "string")),
            ("proc_name", Schema.Enum("the secondary to start", [.. LaunchCommand.AppOptions.Keys])),
            ("eal", Schema.Describe(Schema.Object(["--proc-type"]), "DPDK EAL options: name to a string, an integer or null; needs -c, -l or --lcores")),
            ("app", Schema.Describe(Schema.Object([]), "options of the secondary: name to a string, an integer or null")));
    }
}
