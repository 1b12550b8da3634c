using Spp.Web.Access;

namespace Spp.Web.Http;

/// <summary>
/// Matches a request against the endpoint table exactly as rest-api.md 1.2 and 1.8 require: case-sensitive,
/// no trailing-slash folding, <c>404 Not found: '{path}'</c> for an unknown path, <c>405</c> with <c>Allow</c>
/// for a known path with another method; bad input rejected by an endpoint becomes its 4xx.
/// With <paramref name="access"/>, the caller is identified before matching (<c>401</c>) and allowed or not once the
/// endpoint is known (<c>403</c>).
/// </summary>
public sealed class Router(IEnumerable<ApiEndpoint> endpoints, ILogger<Router> logger, AccessControl? access = null)
{
    private readonly IReadOnlyList<IGrouping<string, ApiEndpoint>> routes =
        endpoints.GroupBy(e => e.Route.Text).ToList();

    public IEnumerable<ApiEndpoint> Endpoints => routes.SelectMany(r => r);

    public async Task HandleAsync(HttpContext context)
    {
        ApiResult result;
        try
        {
            result = await DispatchAsync(context);
        }
        catch (ApiRejection rejection)
        {
            result = new ApiResult.Error(rejection.Status, rejection.Message);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unexpected failure serving {Method} {Path}", context.Request.Method, context.Request.Path);
            result = ApiResult.ServerError("Internal Server Error");
        }
        if (!context.Response.HasStarted) await ResponseWriter.WriteAsync(context.Response, result);
    }

    private Task<ApiResult> DispatchAsync(HttpContext context)
    {
        if (access?.Identify(context) is { } unidentified) return Task.FromResult(unidentified);
        var path = RequestPath.Of(context);
        var method = context.Request.Method == HttpMethods.Head ? HttpMethods.Get : context.Request.Method;
        var allowed = new List<string>();
        foreach (var route in routes)
        {
            var parameters = route.First().Route.Match(path.Segments);
            if (parameters is null) continue;
            var endpoint = route.FirstOrDefault(e => e.Method == method);
            if (endpoint is not null)
            {
                if (access?.Authorize(context, method) is { } forbidden) return Task.FromResult(forbidden);
                return endpoint.Handle(new EndpointCall(context, parameters));
            }
            allowed.AddRange(route.Select(e => e.Method));
        }
        if (allowed.Count == 0) return Task.FromResult(ApiResult.NotFound($"Not found: '{path.Raw}'"));
        context.Response.Headers.Allow = string.Join(", ", allowed.Distinct());
        return Task.FromResult<ApiResult>(new ApiResult.Error(405, "Method not allowed."));
    }
}
