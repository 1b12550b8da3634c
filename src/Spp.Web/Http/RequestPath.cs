using Microsoft.AspNetCore.Http.Features;

namespace Spp.Web.Http;

/// <summary>
/// The request path as the client sent it, split into segments at <c>/</c> first and percent-decoded per
/// segment afterwards, so that an encoded slash stays inside its segment (rest-api.md 1.2).
/// </summary>
public sealed record RequestPath(string Raw, IReadOnlyList<string> Segments)
{
    public static RequestPath Of(HttpContext context) =>
        Parse(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/");

    private static RequestPath Parse(string target)
    {
        // Only an absolute-form target (http://host/path) has a scheme; on Linux Uri takes "/v1/..." for a file path.
        if (target.Contains("://") && Uri.TryCreate(target, UriKind.Absolute, out var absolute)) target = absolute.PathAndQuery;
        var end = target.AsSpan().IndexOfAny('?', '#');
        var raw = end < 0 ? target : target[..end];
        var parts = raw.Split('/');
        var first = parts.Length > 0 && parts[0].Length == 0 ? 1 : 0;
        var segments = new string[parts.Length - first];
        for (var i = 0; i < segments.Length; i++)
        {
            var part = parts[first + i];
            segments[i] = part.Contains('%') ? Uri.UnescapeDataString(part) : part;
        }
        return new RequestPath(raw, segments);
    }
}
