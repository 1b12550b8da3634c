using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;

namespace Spp.Web.Topology;

/// <summary>
/// Writes a laid-out graph as one standalone SVG element: a box per node with its text, a path per edge with its
/// arrowhead. Each process has its own colour, which its components and its edges share; ports are coloured by type.
/// Classes and <c>data-*</c> attributes name what each element is, for the page's style and for tests.
/// </summary>
public static class SvgPicture
{
    private const double Margin = 12;

    private static readonly string[] ProcessColours = ["#4e79a7", "#59a14f", "#e15759", "#b07aa1", "#f28e2b", "#76b7b2", "#9c755f", "#d37295"];

    private static readonly Dictionary<string, string> PortColours = new()
    {
        ["phy"] = "#d6e9f8", ["ring"] = "#fdebc8", ["vhost"] = "#e6dcf5", ["pcap"] = "#f9dcdc",
        ["memif"] = "#dcf2e3", ["nullpmd"] = "#eeeeee", ["tap"] = "#e3f2f1", ["pipe"] = "#f5e6da",
    };

    public static string Write(LaidOutGraph graph)
    {
        var colours = graph.Nodes.Where(n => n.Node.Kind == NodeKind.Process)
            .Select((n, i) => (n.Node.Id, Colour: ProcessColours[i % ProcessColours.Length]))
            .ToDictionary(p => p.Id, p => p.Colour);
        var width = graph.Bounds.Width + 2 * Margin;
        var height = graph.Bounds.Height + 2 * Margin;
        var at = new Frame(graph.Bounds);

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" class="panel" width="{N(width)}" height="{N(height)}" viewBox="0 0 {N(width)} {N(height)}" font-family="monospace" font-size="{N(GraphLayout.FontSize)}">""");
        svg.Append("""<g class="edges">""");
        foreach (var edge in graph.Edges) WriteEdge(svg, edge, colours.GetValueOrDefault(edge.Edge.Owner, "#666666"), at);
        svg.Append("</g><g class=\"nodes\">");
        foreach (var node in graph.Nodes) WriteNode(svg, node, node.Node.Owner is { } owner ? colours.GetValueOrDefault(owner) : null, at);
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static void WriteNode(StringBuilder svg, PlacedNode placed, string? colour, Frame at)
    {
        var node = placed.Node;
        var kind = node.Kind.ToString().ToLowerInvariant();
        var fill = node.Kind switch
        {
            NodeKind.Process => Tint(colour!, 0.22),
            NodeKind.Component => Tint(colour!, 0.08),
            _ => PortColours.GetValueOrDefault(node.Style.Split(' ')[^1], "#eeeeee"),
        };
        var stroke = colour ?? "#7a7a7a";
        var (x, y) = (at.X(placed.Box.Left), at.Y(placed.Box.Top));
        svg.Append($"""<g class="{E(string.Join(' ', new[] { "node", kind, node.Style }.Where(c => c.Length > 0)))}" data-id="{E(node.Id)}">""");
        svg.Append($"<title>{E(string.Join("\n", node.Lines))}</title>");
        svg.Append($"""<rect x="{N(x)}" y="{N(y)}" width="{N(placed.Box.Width)}" height="{N(placed.Box.Height)}" rx="5" fill="{fill}" stroke="{stroke}" stroke-width="{(node.Kind == NodeKind.Process ? "2" : "1")}"/>""");
        svg.Append($"""<text x="{N(x + GraphLayout.Padding)}" y="{N(y + GraphLayout.Padding - 2)}">""");
        for (var i = 0; i < node.Lines.Count; i++)
        {
            var weight = i == 0 ? " font-weight=\"bold\"" : "";
            svg.Append($"""<tspan x="{N(x + GraphLayout.Padding)}" dy="{N(GraphLayout.LineHeight)}"{weight}>{E(node.Lines[i])}</tspan>""");
        }
        svg.Append("</text></g>");
    }

    private static void WriteEdge(StringBuilder svg, PlacedEdge placed, string colour, Frame at)
    {
        if (placed.Curve is not { } curve) return;
        var edge = placed.Edge;
        var (widthOf, dash) = edge.Kind switch
        {
            EdgeKind.Patch => ("2.5", ""),
            EdgeKind.Flow => ("2", ""),
            _ => ("1", " stroke-dasharray=\"4 3\" stroke-opacity=\"0.6\""),
        };
        svg.Append($"""<g class="edge {edge.Kind.ToString().ToLowerInvariant()}" data-from="{E(edge.From)}" data-to="{E(edge.To)}" data-owner="{E(edge.Owner)}">""");
        svg.Append($"<title>{E(Describe(edge))}</title>");
        var path = new StringBuilder($"M{at.Of(curve.Start)}");
        AppendCurve(path, curve, at);
        svg.Append($"""<path d="{path}" fill="none" stroke="{colour}" stroke-width="{widthOf}"{dash}/>""");
        if (placed.ArrowTip is { } tip)
        {
            var end = curve.End;
            var along = tip - end;
            var across = new Point(-along.Y, along.X) * 0.4;
            svg.Append($"""<polygon points="{at.Of(tip)} {at.Of(end + across)} {at.Of(end - across)}" fill="{colour}"/>""");
        }
        svg.Append("</g>");
    }

    private static string Describe(GraphEdge edge) => edge.Kind switch
    {
        EdgeKind.Patch => $"{edge.Owner}: patch {edge.From} → {edge.To}",
        EdgeKind.Flow => $"{edge.Owner}: {edge.From} → {edge.To}",
        _ => $"{edge.From} has {edge.To}",
    };

    private static void AppendCurve(StringBuilder path, ICurve curve, Frame at)
    {
        switch (curve)
        {
            case Curve composite:
                foreach (var segment in composite.Segments) AppendCurve(path, segment, at);
                break;
            case LineSegment line:
                path.Append($" L{at.Of(line.End)}");
                break;
            case CubicBezierSegment bezier:
                path.Append($" C{at.Of(bezier.B(1))} {at.Of(bezier.B(2))} {at.Of(bezier.B(3))}");
                break;
            default:
                const int steps = 12;
                for (var i = 1; i <= steps; i++)
                    path.Append($" L{at.Of(curve[curve.ParStart + (curve.ParEnd - curve.ParStart) * i / steps])}");
                break;
        }
    }

    /// <summary><paramref name="colour"/> mixed with white, keeping <paramref name="share"/> of it.</summary>
    private static string Tint(string colour, double share)
    {
        var rgb = Convert.FromHexString(colour[1..]);
        return "#" + string.Concat(rgb.Select(c => ((int)Math.Round(255 - (255 - c) * share)).ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>From MSAGL's coordinates (y upwards) to the picture's (y downwards, the margin around).</summary>
    private sealed class Frame(Rectangle bounds)
    {
        public double X(double x) => x - bounds.Left + Margin;

        public double Y(double y) => bounds.Top - y + Margin;

        public string Of(Point p) => $"{N(X(p.X))},{N(Y(p.Y))}";
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
