namespace Spp.Web.Topology;

/// <summary>What the picture shows, before layout: processes, their components and ports, and the links between them.</summary>
public sealed record PanelGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>What a node stands for.</summary>
public enum NodeKind
{
    Process,
    Component,
    Port,
}

/// <summary>
/// A box of the picture. <see cref="Id"/> is a process (<c>nfv:1</c>), a component (<c>vf:2/fwd1</c>) or a port
/// resource id (<c>ring:0</c>); <see cref="Owner"/> is the process that colours it (none for a port); <see cref="Style"/>
/// holds the picture's class names beside the kind: the process type and state, or the port type.
/// </summary>
public sealed record GraphNode(string Id, NodeKind Kind, IReadOnlyList<string> Lines, string? Owner, string Style);

/// <summary>What an edge stands for.</summary>
public enum EdgeKind
{
    /// <summary>A process has this port, or runs this component.</summary>
    Has,

    /// <summary>A patch of spp_nfv or of the primary's forwarder: packets from the source port go to the destination.</summary>
    Patch,

    /// <summary>A component's rx port into it, or its tx port out of it; a capture's rx port into spp_pcap.</summary>
    Flow,
}

/// <summary>An edge from <see cref="From"/> to <see cref="To"/> (node ids), drawn in the colour of <see cref="Owner"/>.</summary>
public sealed record GraphEdge(string From, string To, EdgeKind Kind, string Owner);
