using Spp.Protocol.Grammar;

namespace Spp.Protocol.Commands;

/// <summary>A VLAN tag operation on an attached port of an spp_vf component.</summary>
public abstract record VlanTagging
{
    public sealed record Push(int Id, int Pcp) : VlanTagging;

    public sealed record Strip : VlanTagging;
}

/// <summary>The commands of spp_vf, spp_mirror and spp_pcap (wire-protocol.md 7-10).</summary>
public static class WorkerCommands
{
    public const string CaptureStart = "start";
    public const string CaptureStop = "stop";

    public static string ComponentStart(string name, long core, string type) => $"component start {name} {core} {type}";

    public static string ComponentStop(string name) => $"component stop {name}";

    public static string PortAdd(ResourceId port, string dir, string component, VlanTagging? tagging = null) => tagging switch
    {
        VlanTagging.Push push => $"port add {port} {dir} {component} add_vlantag {push.Id} {push.Pcp}",
        VlanTagging.Strip => $"port add {port} {dir} {component} del_vlantag",
        _ => $"port add {port} {dir} {component}",
    };

    public static string PortDel(ResourceId port, string dir, string component) => $"port del {port} {dir} {component}";

    public static string ClassifierMac(string action, string mac, ResourceId port) => $"classifier_table {action} mac {mac} {port}";

    public static string ClassifierVlan(string action, long vlan, string mac, ResourceId port) =>
        $"classifier_table {action} vlan {vlan} {mac} {port}";
}
