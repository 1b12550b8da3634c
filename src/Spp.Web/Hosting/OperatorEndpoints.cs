using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spp.Web.Observability;
using Spp.Web.OpenApi;

namespace Spp.Web.Hosting;

/// <summary>
/// What operators and their tools read, beside <c>/v1</c>, endpoints of their own that need no token: <c>/healthz</c>
/// (alive), <c>/readyz</c> (listeners bound; processes), <c>/metrics</c> (Prometheus text, see <see cref="MetricsExport"/>) and
/// <c>/openapi/v1.json</c>. GET and HEAD only.
/// </summary>
public static class OperatorEndpoints
{
    public const string Health = "/healthz";
    public const string Ready = "/readyz";
    public const string Metrics = "/metrics";

    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks(Health, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .WithMetadata(new HttpMethodMetadata(GetOrHead));
        app.MapHealthChecks(Ready, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessCheck.Tag),
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithMetadata(new HttpMethodMetadata(GetOrHead));
        app.MapPrometheusScrapingEndpoint(Metrics).WithMetadata(new HttpMethodMetadata(GetOrHead));
        app.MapOpenApi(ApiDocument.Route).WithMetadata(new HttpMethodMetadata(GetOrHead));
    }
}
