using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;

namespace Spp.Web.Topology;

/// <summary>
/// Lays the graph out with MSAGL's layered (Sugiyama) layout, edges as splines around the boxes. Box sizes come from
/// the text they hold, measured in the monospace font the picture uses.
/// </summary>
public static class GraphLayout
{
    public const double FontSize = 12;
    public const double CharWidth = 7.3;
    public const double LineHeight = 15;
    public const double Padding = 8;

    public static LaidOutGraph Lay(PanelGraph graph)
    {
        var geometry = new GeometryGraph();
        var nodes = new Dictionary<string, Node>();
        foreach (var node in graph.Nodes)
        {
            var width = node.Lines.Max(l => l.Length) * CharWidth + 2 * Padding;
            var height = node.Lines.Count * LineHeight + 2 * Padding - 4;
            var box = new Node(CurveFactory.CreateRectangleWithRoundedCorners(width, height, 5, 5, new Point()), node);
            geometry.Nodes.Add(box);
            nodes[node.Id] = box;
        }
        var edges = new List<(GraphEdge, Edge)>();
        foreach (var edge in graph.Edges)
        {
            var line = new Edge(nodes[edge.From], nodes[edge.To]) { UserData = edge };
            if (edge.Kind != EdgeKind.Has) line.EdgeGeometry.TargetArrowhead = new Arrowhead { Length = 9 };
            geometry.Edges.Add(line);
            edges.Add((edge, line));
        }
        if (geometry.Nodes.Count > 0)
        {
            var settings = new SugiyamaLayoutSettings
            {
                NodeSeparation = 24,
                LayerSeparation = 48,
                EdgeRoutingSettings = { EdgeRoutingMode = EdgeRoutingMode.SugiyamaSplines },
            };
            LayoutHelpers.CalculateLayout(geometry, settings, null);
        }
        var bounds = geometry.Nodes.Count > 0 ? geometry.BoundingBox : new Rectangle(0, 0, 0, 0);
        return new LaidOutGraph(bounds,
            [.. graph.Nodes.Select(n => new PlacedNode(n, nodes[n.Id].BoundingBox))],
            [.. edges.Select(e => new PlacedEdge(e.Item1, e.Item2.Curve, e.Item2.EdgeGeometry.TargetArrowhead is { } head ? head.TipPosition : null))]);
    }
}

/// <summary>The graph with each box's place and each edge's curve, in MSAGL's coordinates (y grows upwards).</summary>
public sealed record LaidOutGraph(Rectangle Bounds, IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedEdge> Edges);

public sealed record PlacedNode(GraphNode Node, Rectangle Box);

/// <summary>An edge's curve; <see cref="ArrowTip"/> is where its arrowhead points, the curve ending short of it.</summary>
public sealed record PlacedEdge(GraphEdge Edge, ICurve? Curve, Point? ArrowTip);
