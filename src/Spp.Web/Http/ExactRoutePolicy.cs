using Microsoft.AspNetCore.Routing.Matching;

namespace Spp.Web.Http;

/// <summary>
/// Keeps a candidate endpoint that carries an <see cref="ExactRoute"/> only if the raw path matches it exactly, and
/// gives it the path parameters as the contract reads them. A path that matched only loosely (another case, a
/// trailing slash, a non-digit id) is then left without an endpoint and answered <c>404 Not found: '{path}'</c>.
/// </summary>
public sealed class ExactRoutePolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<ExactRoute>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        RequestPath? path = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i) || candidates[i].Endpoint.Metadata.GetMetadata<ExactRoute>() is not { } route) continue;
            path ??= RequestPath.Of(httpContext);
            if (route.Match(path) is { } values) candidates.ReplaceEndpoint(i, candidates[i].Endpoint, values);
            else candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }
}
