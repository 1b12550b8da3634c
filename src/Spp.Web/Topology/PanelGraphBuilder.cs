using System.Text.Json;
using Spp.Protocol;

namespace Spp.Web.Topology;

/// <summary>
/// Turns what the processes reported into the picture's nodes and edges, the way SPP wires them: a port is one
/// node however many processes have it (shared rings and vhost ports are how processes are joined), a process is
/// joined to each port it has, nfv and forwarder patches go from port to port, and a vf or mirror component sits
/// between its rx and tx ports (which it is then not joined to directly). The primary is joined to its phy ports and
/// its forwarder's ports; its counters are written on every port it reports them for. Every ring it reports is
/// drawn, but not joined to it (each would be): a ring no process uses stands alone.
/// </summary>
public static class PanelGraphBuilder
{
    private const int MaxLineLength = 56;

    public static PanelGraph Build(Panel panel)
    {
        var graph = new Builder();
        foreach (var view in panel.Processes)
        {
            if (view.Status is not { ValueKind: JsonValueKind.Object } status)
            {
                graph.Node(view.Process.ToString(), NodeKind.Process, [Title(view.Process), "status unavailable:", .. Wrap(view.Error ?? "no status")],
                    view.Process.ToString(), $"{view.Process.Type.WireName()} unavailable");
                continue;
            }
            switch (view.Process.Type)
            {
                case ProcessType.Primary: Primary(graph, status); break;
                case ProcessType.Nfv: Nfv(graph, view.Process, status); break;
                case ProcessType.Vf or ProcessType.Mirror: Worker(graph, view.Process, status); break;
                case ProcessType.Pcap: Pcap(graph, view.Process, status); break;
            }
        }
        return graph.ToGraph();
    }

    private static void Primary(Builder graph, JsonElement status)
    {
        const string id = "primary";
        var lines = new List<string> { "primary" };
        if (status.TryGetProperty("forwarder", out var forwarder) && forwarder.ValueKind == JsonValueKind.Object)
            lines.Add($"forwarder {Text(forwarder, "status")}");
        lines.Add($"lcores {Numbers(status, "lcores")} (master {Text(status, "master-lcore")})");
        graph.Node(id, NodeKind.Process, lines, id, "primary");

        foreach (var phy in Array(status, "phy_ports"))
        {
            var port = $"phy:{Text(phy, "id")}";
            graph.Counters(port, [Text(phy, "eth"), $"rx {Text(phy, "rx")} tx {Text(phy, "tx")} tx_drop {Text(phy, "tx_drop")}"]);
            graph.Has(id, port);
        }
        foreach (var ring in Array(status, "ring_ports"))
        {
            var port = graph.Port($"ring:{Text(ring, "id")}");
            graph.Counters(port, [$"rx {Text(ring, "rx")} tx {Text(ring, "tx")}", $"rx_drop {Text(ring, "rx_drop")} tx_drop {Text(ring, "tx_drop")}"]);
        }
        foreach (var pipe in Array(status, "pipes"))
        {
            var port = $"pipe:{Text(pipe, "id")}";
            graph.Counters(port, [$"rx ring:{Text(pipe, "rx")} tx ring:{Text(pipe, "tx")}"]);
            graph.Has(id, port);
        }
        if (forwarder.ValueKind == JsonValueKind.Object)
        {
            foreach (var port in Strings(forwarder, "ports")) graph.Has(id, port);
            foreach (var patch in Array(forwarder, "patches")) graph.Patch(id, Text(patch, "src"), Text(patch, "dst"));
        }
    }

    private static void Nfv(Builder graph, ProcessId process, JsonElement status)
    {
        var id = process.ToString();
        graph.Node(id, NodeKind.Process, [Title(process), Text(status, "status"), $"lcores {Numbers(status, "lcores")} (master {Text(status, "master-lcore")})"],
            id, $"nfv {Text(status, "status")}");
        foreach (var port in Strings(status, "ports")) graph.Has(id, port);
        foreach (var patch in Array(status, "patches")) graph.Patch(id, Text(patch, "src"), Text(patch, "dst"));
    }

    private static void Worker(Builder graph, ProcessId process, JsonElement status)
    {
        var id = process.ToString();
        var components = Array(status, "components").ToList();
        var unused = components.Where(c => Text(c, "type") == "unuse").Select(c => Text(c, "core")).ToList();
        var lines = new List<string> { Title(process), $"master lcore {Text(status, "master-lcore")}" };
        if (unused.Count > 0) lines.Add($"unused cores {string.Join(",", unused)}");
        foreach (var entry in Array(status, "classifier_table"))
            lines.Add($"classify {Text(entry, "type")} {Text(entry, "value")} → {Text(entry, "port")}");
        graph.Node(id, NodeKind.Process, lines, id, process.Type.WireName());
        var attached = new HashSet<string>();
        foreach (var component in components.Where(c => Text(c, "type") != "unuse"))
        {
            var name = Text(component, "name");
            var node = $"{id}/{name}";
            graph.Node(node, NodeKind.Component, [name, $"{Text(component, "type")} on core {Text(component, "core")}"], id, "");
            graph.Edge(id, node, EdgeKind.Has, id);
            foreach (var rx in Array(component, "rx_port").Select(p => Text(p, "port")))
            {
                graph.Edge(graph.Port(rx), node, EdgeKind.Flow, id);
                attached.Add(rx);
            }
            foreach (var tx in Array(component, "tx_port").Select(p => Text(p, "port")))
            {
                graph.Edge(node, graph.Port(tx), EdgeKind.Flow, id);
                attached.Add(tx);
            }
        }
        // A port attached to a component is already joined to the process through it.
        foreach (var port in Strings(status, "ports").Where(p => !attached.Contains(p))) graph.Has(id, port);
    }

    private static void Pcap(Builder graph, ProcessId process, JsonElement status)
    {
        var id = process.ToString();
        var lines = new List<string> { Title(process), $"capture {Text(status, "status")}" };
        var receivers = new List<string>();
        foreach (var core in Array(status, "core"))
        {
            if (Text(core, "role") == "receive")
            {
                lines.Add($"core {Text(core, "core")} receives");
                receivers.AddRange(Array(core, "rx_port").Select(rx => Text(rx, "port")));
            }
            else if (Text(core, "filename") is { Length: > 0 } file)
            {
                lines.Add($"core {Text(core, "core")} writes");
                lines.AddRange(Wrap(file));
            }
        }
        graph.Node(id, NodeKind.Process, lines, id, $"pcap {Text(status, "status")}");
        foreach (var port in receivers) graph.Edge(graph.Port(port), id, EdgeKind.Flow, id);
    }

    private static string Title(ProcessId process) => process.IsPrimary ? "primary" : $"{process.Type.WireName()} {process.ClientId}";

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        Array(element, name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);

    private static string Numbers(JsonElement element, string name) => string.Join(",", Array(element, name).Select(v => v.ToString()));

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString()
            : "";

    private static IEnumerable<string> Wrap(string text)
    {
        for (var start = 0; start < text.Length; start += MaxLineLength)
            yield return text.Substring(start, Math.Min(MaxLineLength, text.Length - start));
    }

    /// <summary>Collects nodes and edges, each port once, and the counters the primary reported for ports.</summary>
    private sealed class Builder
    {
        private readonly List<GraphNode> nodes = [];
        private readonly HashSet<string> ports = [];
        private readonly Dictionary<string, IReadOnlyList<string>> counters = [];
        private readonly List<GraphEdge> edges = [];
        private readonly HashSet<GraphEdge> seen = [];

        public void Node(string id, NodeKind kind, IReadOnlyList<string> lines, string? owner, string style) =>
            nodes.Add(new GraphNode(id, kind, lines, owner, style));

        public string Port(string port)
        {
            ports.Add(port);
            return port;
        }

        public void Counters(string port, IReadOnlyList<string> lines) => counters[port] = lines;

        public void Has(string process, string port) => Edge(process, Port(port), EdgeKind.Has, process);

        public void Patch(string process, string src, string dst) => Edge(Port(src), Port(dst), EdgeKind.Patch, process);

        public void Edge(string from, string to, EdgeKind kind, string owner)
        {
            var edge = new GraphEdge(from, to, kind, owner);
            if (seen.Add(edge)) edges.Add(edge);
        }

        public PanelGraph ToGraph()
        {
            var portNodes = ports.Order(StringComparer.Ordinal).Select(port => new GraphNode(port, NodeKind.Port,
                [port, .. counters.GetValueOrDefault(port, [])], null, PortType(port)));
            return new PanelGraph([.. nodes, .. portNodes], edges);
        }

        private static string PortType(string port)
        {
            var colon = port.IndexOf(':');
            return colon < 0 ? port : port[..colon];
        }
    }
}
