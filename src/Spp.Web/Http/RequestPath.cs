using Microsoft.AspNetCore.Http.Features;

namespace Spp.Web.Http;

/// <summary>
/// The request path as the client sent it, split into segments at <c>/</c> first and percent-decoded per
/// segment afterwards, so that an encoded slash stays inside its segment (rest-api.md 1.2).
/// </summary>
public sealed record RequestPath(string Raw, IReadOnlyList<string> Segments)
{
    public static RequestPath Of(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && target.Contains("://")) target = absolute.PathAndQuery;
        var end = target.IndexOfAny(['?', '#']);
        var raw = end < 0 ? target : target[..end];
        var parts = raw.Split('/');
        var segments = parts.Length > 0 && parts[0].Length == 0 ? parts[1..] : parts;
        return new RequestPath(raw, segments.Select(Uri.UnescapeDataString).ToArray());
    }
}
