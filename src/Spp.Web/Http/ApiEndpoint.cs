using Spp.Web.OpenApi;

namespace Spp.Web.Http;

/// <summary>One method on one route of the API.</summary>
public sealed record ApiEndpoint(string Method, RouteTemplate Route, Func<EndpointCall, Task<ApiResult>> Handle)
{
    /// <summary>What the OpenAPI document says about this endpoint.</summary>
    public EndpointDoc? Doc { get; init; }

    public ApiEndpoint(string method, string route, Func<EndpointCall, Task<ApiResult>> handle)
        : this(method, new RouteTemplate(route), handle)
    {
    }
}
