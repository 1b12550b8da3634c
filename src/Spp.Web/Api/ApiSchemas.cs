using System.Text.Json.Nodes;
using Spp.Web.OpenApi;
using static Spp.Web.OpenApi.Schema;

namespace Spp.Web.Api;

/// <summary>Request and response schemas that several process tables share (rest-api.md 2.1-2.6).</summary>
public static class ApiSchemas
{
    public static JsonObject Forward() => Object(["action"], ("action", Enum("start runs the forwarder, stop halts it", "start", "stop")));

    public static JsonObject Ports(string[] types, bool pipe)
    {
        (string, JsonObject)[] members =
        [
            ("action", Enum("add or delete the port", "add", "del")),
            ("port", ResourceIdOf($"resource UID of type {string.Join(", ", types)}", types)),
        ];
        if (pipe)
            members = [.. members, ("rx", ResourceIdOf("ring a pipe port receives from (add of pipe:N only)", "ring")),
                ("tx", ResourceIdOf("ring a pipe port sends to (add of pipe:N only)", "ring"))];
        return Object(["action", "port"], members);
    }

    public static JsonObject Patch() => Object(["src", "dst"], ("src", ResourceId()), ("dst", ResourceId()));

    public static JsonObject ComponentStart(params string[] types) => Object(["name", "core", "type"],
        ("name", String("component name, unique in the process", ComponentNamePattern)),
        ("core", Integer("lcore to run on; not the master lcore", 0, int.MaxValue)),
        ("type", Enum("component type", types)));

    public static JsonObject ComponentPort(bool vlan)
    {
        (string, JsonObject)[] members =
        [
            ("action", Enum("attach or detach the port", "attach", "detach")),
            ("port", ResourceId()),
            ("dir", Enum("the component's receiving or sending side", "rx", "tx")),
        ];
        if (vlan)
            members = [.. members, ("vlan", Vlan())];
        return Object(["action", "port", "dir"], members);
    }

    /// <summary>Absent, <c>null</c> or <c>{}</c>: no tag operation.</summary>
    private static JsonObject Vlan()
    {
        var vlan = Describe(Object([],
            ("operation", Enum("VLAN tag operation", "none", "add", "del")),
            ("id", Integer("VLAN id, for add", 0, 4095)),
            ("pcp", Integer("priority code point, for add", 0, 7))), "VLAN tagging on attach; absent, null or {} means none");
        vlan["type"] = new JsonArray("object", "null");
        return vlan;
    }

    public static JsonObject Patches() =>
        Array(Object(["src", "dst"], ("src", String()), ("dst", String())), "patches from src to dst");

    public static JsonObject ProcessList() => Array(Object(["type"],
        ("type", Enum("process type", "primary", "nfv", "vf", "mirror", "pcap")),
        ("client-id", Integer("client id; absent for the primary", 0))));

    public static JsonObject HostList() => Array(Object(["host", "address", "status", "self", "processes"],
        ("host", String("the host's name (--host-name)")),
        ("address", String("its cluster address, host:port")),
        ("status", Enum("what the cluster's failure detector says of it", "up", "unreachable", "leaving")),
        ("self", Boolean("this is the host that answers")),
        ("processes", Integer("SPP processes connected to it", 0))));

    public static JsonObject CpuUsage() => Array(Object(["proc-type", "master-lcore", "lcores"],
        ("proc-type", Enum("process type", "primary", "nfv", "vf", "mirror", "pcap")),
        ("client-id", Integer("client id; absent for the primary", 0)),
        ("master-lcore", Integer(null, 0)),
        ("lcores", Array(Integer(null, 0)))));

    public static JsonObject CpuLayout() => Array(Object(["socket_id", "cores"],
        ("socket_id", Integer(null, 0)),
        ("cores", Array(Object(["core_id", "lcores"], ("core_id", Integer(null, 0)), ("lcores", Array(Integer(null, 0))))))));

    public static JsonObject PrimaryStatus() => Object(["master-lcore", "lcores"],
        ("master-lcore", Integer(null, 0)),
        ("lcores", Array(Integer(null, 0))),
        ("forwarder", Object(["status", "ports", "patches"],
            ("status", Enum("forwarder state", "running", "idling")), ("ports", Array(String())), ("patches", Patches()))),
        ("phy_ports", Array(Object(["id"], ("id", Integer(null, 0)), ("eth", String("MAC address"))))),
        ("ring_ports", Array(Object(["id"], ("id", Integer(null, 0))))),
        ("pipes", Array(Object(["id", "rx", "tx"], ("id", Integer(null, 0)), ("rx", Integer(null, 0)), ("tx", Integer(null, 0))))));

    public static JsonObject NfvStatus() => Object(["client-id", "status", "ports", "patches"],
        ("client-id", Integer(null, 0)),
        ("status", Enum("forwarding state", "running", "idling")),
        ("master-lcore", Integer(null, 0)),
        ("lcores", Array(Integer(null, 0))),
        ("ports", Array(String("resource UID; a queue as \"phy:0 nq 1\""))),
        ("patches", Patches()));

    public static JsonObject WorkerStatus()
    {
        var component = Object(["core", "type"],
            ("core", Integer(null, 0)),
            ("name", String()),
            ("type", Enum("component type; unuse for a core without one", "forward", "merge", "classifier", "mirror", "unuse")),
            ("rx_port", Array(Object(["port"], ("port", String())))),
            ("tx_port", Array(Object(["port"], ("port", String())))));
        var entry = Object(["type", "value", "port"],
            ("type", Enum("entry type", "mac", "vlan")), ("value", String("MAC, or {vid}/{mac}")), ("port", String()));
        return Object(["client-id", "ports", "master-lcore", "components"],
            ("client-id", Integer(null, 0)),
            ("ports", Array(String("resource UID; a queue as \"phy:0 nq 1\""))),
            ("master-lcore", Integer(null, 0)),
            ("components", Array(component, "components as the process reports them")),
            ("classifier_table", Array(entry, "spp_vf only")));
    }

    public static JsonObject PcapStatus() => Object(["client-id", "status", "core"],
        ("client-id", Integer(null, 0)),
        ("status", Enum("capture state", "running", "idle")),
        ("master-lcore", Integer(null, 0)),
        ("core", Array(Object(["core", "role"],
            ("core", Integer(null, 0)),
            ("role", Enum("thread role", "receive", "write")),
            ("rx_port", Array(Object(["port"], ("port", String())))),
            ("filename", String())))));

    public static JsonObject FlowRule() => Object(["rule"], ("rule", Object(["direction", "pattern", "actions"],
        ("group", Integer(null, 0, 4294967295)),
        ("priority", Integer(null, 0, 4294967295)),
        ("direction", Enum("traffic direction", "ingress", "egress")),
        ("transfer", Boolean("true adds the transfer attribute")),
        ("pattern", Array(String(), "rte_flow pattern items, e.g. \"eth dst is 11:22:33:44:55:66 type mask 0xffff\"")),
        ("actions", Array(String(), "rte_flow actions, e.g. \"queue index 1\"")))));

    /// <summary>The primary's answer to a flow command, returned whatever its result.</summary>
    public static JsonObject FlowReply() => Object(["result", "message"],
        ("result", Enum("the primary's verdict; error is still a 200", "success", "error")),
        ("message", String()),
        ("rule_id", String("id of a created rule, as a string")));

    public static EndpointDoc FlowReplyDoc(string summary, string example) =>
        EndpointDoc.Read(summary, FlowReply, new DocExample("reply", example), 400, 404, 500);

    public static JsonObject AuditEntries() => Array(Object(["time", "operator", "process", "method", "path", "command", "status", "outcome", "duration-ms"],
        ("time", String("UTC time the answer was given")),
        ("operator", String("who sent the request")),
        ("process", String("primary or {type}:{client_id}")),
        ("method", Enum("HTTP method", "PUT", "POST", "DELETE")),
        ("path", String("request path")),
        ("command", String("the command sent to the process")),
        ("status", Integer("HTTP status of the answer", 100, 599)),
        ("outcome", String("ok, or the error line")),
        ("duration-ms", new JsonObject { ["type"] = "number", ["minimum"] = 0 })));

    /// <summary>The <c>data</c> of one event of the stream.</summary>
    public static JsonObject EventData() => Object(["time"],
        ("time", String("UTC time of the event")),
        ("host", String("with hosts=all, the host of a process event; in host-up, host-unreachable and host-left, the host they are about")));
}
