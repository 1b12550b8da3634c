using Spp.Web.OpenApi;

namespace Spp.Web.Http;

/// <summary>
/// One method on one route of the API, as its table states it. Mapped to an ASP.NET Core endpoint that carries
/// this record as metadata, so the OpenAPI document describes it from <see cref="Doc"/>.
/// </summary>
public sealed record ApiEndpoint(string Method, string Route, Func<EndpointCall, Task<ApiResult>> Handle)
{
    /// <summary>What the OpenAPI document says about this endpoint.</summary>
    public EndpointDoc? Doc { get; init; }

    /// <summary>
    /// For another host, the endpoint validates the request here and forwards it itself (<see cref="EndpointCall.Host"/>);
    /// without this, a request for another host is forwarded as it came.
    /// </summary>
    public bool ForwardsItself { get; init; }

    /// <summary>Runs the endpoint; a request it refuses (<see cref="ApiRejection"/>) is answered with the refusal.</summary>
    public async Task<ApiResult> AnswerAsync(EndpointCall call)
    {
        try
        {
            return await Handle(call);
        }
        catch (ApiRejection rejection)
        {
            return rejection.Result;
        }
    }
}
