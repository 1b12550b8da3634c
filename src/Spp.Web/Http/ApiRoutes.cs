using Spp.Web.Access;

namespace Spp.Web.Http;

/// <summary>
/// The API on ASP.NET Core endpoint routing: one route group per process type (<c>/v1/nfvs</c>, ...), one endpoint per method and route of
/// its table (GET also answers HEAD), and per route one endpoint of lower priority for every other method, which
/// answers <c>405</c> with <c>Allow</c>. Every one carries an <see cref="ExactRoute"/>, checked by
/// <see cref="ExactRoutePolicy"/>; a request no endpoint takes is <c>404 Not found: '{path}'</c>. The caller is
/// identified before any of this answers (<c>401</c>), and allowed or not once the endpoint is known (<c>403</c>).
/// </summary>
public static class ApiRoutes
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(WebApplication app, IEnumerable<ApiGroup> groups)
    {
        var access = app.Services.GetRequiredService<AccessControl>();
        var logger = app.Services.GetRequiredService<ILogger<ApiEndpoint>>();
        foreach (var group in groups)
        {
            var routes = app.MapGroup(group.Prefix).WithTags(group.Name);
            string Relative(string route) => route.StartsWith(group.Prefix, StringComparison.Ordinal)
                ? route[group.Prefix.Length..]
                : throw new InvalidOperationException($"{route} is not under {group.Prefix}");
            // A route and its trailing-slash alias (DELETE /v1/primary/) are one route to ASP.NET Core.
            foreach (var route in group.Endpoints.GroupBy(e => RouteKey(e.Route)))
            {
                foreach (var method in route.GroupBy(e => e.Method))
                {
                    var endpoints = method.ToList();
                    var methods = method.Key == HttpMethods.Get ? GetOrHead : [method.Key];
                    routes.MapMethods(Relative(endpoints[0].Route), methods, Handler(endpoints[0], access, logger))
                        .WithMetadata([new ExactRoute([.. endpoints.Select(e => e.Route)]), .. endpoints]);
                }
                var allow = string.Join(", ", route.Select(e => e.Method).Distinct());
                routes.Map(Relative(route.First().Route), context => MethodNotAllowed(context, allow))
                    .WithOrder(1)
                    .WithMetadata(new ExactRoute([.. route.Select(e => e.Route).Distinct()]))
                    .ExcludeFromDescription();
            }
        }
    }

    /// <summary>Before the endpoints run: names the caller of an API endpoint or of an unknown path, or answers 401/400.</summary>
    public static Task IdentifyAsync(HttpContext context, RequestDelegate next, AccessControl access)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && endpoint.Metadata.GetMetadata<ExactRoute>() is null) return next(context);
        return access.Identify(context) is { } refusal ? ResponseWriter.WriteAsync(context.Response, refusal) : next(context);
    }

    /// <summary>The last step of the pipeline: no endpoint took the request.</summary>
    public static Task NotFoundAsync(HttpContext context) =>
        ResponseWriter.WriteAsync(context.Response, ApiResult.NotFound($"Not found: '{RequestPath.Of(context).Raw}'"));

    /// <summary>For an endpoint that answers some requests and leaves the rest as no endpoint would: 401/400, else 404.</summary>
    public static Task IdentifiedNotFoundAsync(HttpContext context, AccessControl access) =>
        access.Identify(context) is { } refusal
            ? ResponseWriter.WriteAsync(context.Response, refusal)
            : NotFoundAsync(context);

    private static string RouteKey(string route) => route.Length > 1 ? route.TrimEnd('/') : route;

    private static Func<HttpContext, Task> Handler(ApiEndpoint endpoint, AccessControl access, ILogger logger) => async context =>
    {
        ApiResult result;
        try
        {
            result = access.Authorize(context, endpoint.Method)
                ?? await endpoint.AnswerAsync(new EndpointCall(context, Parameters(context)));
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unexpected failure serving {Method} {Path}", context.Request.Method, context.Request.Path);
            result = ApiResult.ServerError("Internal Server Error");
        }
        if (!context.Response.HasStarted) await ResponseWriter.WriteAsync(context.Response, result);
    };

    private static Dictionary<string, string> Parameters(HttpContext context) =>
        context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value as string ?? "");

    private static Task MethodNotAllowed(HttpContext context, string allow)
    {
        context.Response.Headers.Allow = allow;
        return ResponseWriter.WriteAsync(context.Response, new ApiResult.Error(StatusCodes.Status405MethodNotAllowed, "Method not allowed."));
    }
}
