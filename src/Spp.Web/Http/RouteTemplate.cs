using Spp.Protocol.Grammar;

namespace Spp.Web.Http;

/// <summary>
/// A route path such as <c>/v1/nfvs/{client_id}/ports</c>. Parameters named <c>client_id</c>, <c>port_id</c> and
/// <c>rule_id</c> match ASCII digits only; any other parameter matches any non-empty segment (rest-api.md 1.2).
/// </summary>
public sealed class RouteTemplate
{
    private static readonly string[] NumericParameters = ["client_id", "port_id", "rule_id"];

    private readonly string[] segments;

    public RouteTemplate(string template)
    {
        Text = template;
        segments = template.Split('/')[1..];
    }

    public string Text { get; }

    /// <summary>The parameter values if <paramref name="path"/> matches, else null.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> path)
    {
        if (path.Count != segments.Length) return null;
        Dictionary<string, string>? values = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith('{'))
            {
                var name = segment[1..^1];
                if (path[i].Length == 0 || (NumericParameters.Contains(name) && !Digits.IsAllDigits(path[i]))) return null;
                (values ??= [])[name] = path[i];
            }
            else if (segment != path[i])
            {
                return null;
            }
        }
        return values ?? [];
    }
}
