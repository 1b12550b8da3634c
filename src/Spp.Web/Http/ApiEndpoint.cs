namespace Spp.Web.Http;

/// <summary>One method on one route of the API.</summary>
public sealed record ApiEndpoint(string Method, RouteTemplate Route, Func<EndpointCall, Task<ApiResult>> Handle)
{
    public ApiEndpoint(string method, string route, Func<EndpointCall, Task<ApiResult>> handle)
        : this(method, new RouteTemplate(route), handle)
    {
    }
}
