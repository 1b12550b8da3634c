using Spp.Protocol.Grammar;

namespace Spp.Web.Http;

/// <summary>
/// The routes an endpoint answers, matched as rest-api.md 1.2 requires and ASP.NET Core routing does not:
/// case-sensitively, segment by segment on the raw path (no trailing-slash folding, no empty segments), each
/// segment percent-decoded after splitting. <c>client_id</c>, <c>port_id</c> and <c>rule_id</c> match ASCII digits
/// only; any other parameter matches any non-empty segment.
/// </summary>
public sealed class ExactRoute(IReadOnlyList<string> templates)
{
    private static readonly string[] NumericParameters = ["client_id", "port_id", "rule_id"];

    private readonly string[][] templates = [.. templates.Select(t => t.Split('/')[1..])];

    /// <summary>The parameter values of the first template <paramref name="path"/> matches, else null.</summary>
    public RouteValueDictionary? Match(RequestPath path)
    {
        foreach (var template in templates)
            if (Match(template, path.Segments) is { } values) return values;
        return null;
    }

    private static RouteValueDictionary? Match(string[] template, IReadOnlyList<string> path)
    {
        if (path.Count != template.Length) return null;
        var values = new RouteValueDictionary();
        for (var i = 0; i < template.Length; i++)
        {
            var segment = template[i];
            if (segment.StartsWith('{'))
            {
                var name = segment[1..^1];
                if (path[i].Length == 0 || (NumericParameters.Contains(name) && !Digits.IsAllDigits(path[i]))) return null;
                values[name] = path[i];
            }
            else if (segment != path[i])
            {
                return null;
            }
        }
        return values;
    }
}
