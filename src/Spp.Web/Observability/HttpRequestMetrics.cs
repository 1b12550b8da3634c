using System.Diagnostics.Metrics;
using System.Globalization;
using Spp.Actors;

namespace Spp.Web.Observability;

/// <summary>
/// Counts HTTP requests by method and status code as each response starts, so that a request is counted before
/// its client can see the answer.
/// </summary>
public sealed class HttpRequestMetrics(IMeterFactory factory)
{
    private static readonly string[] KnownMethods = ["GET", "HEAD", "PUT", "POST", "DELETE"];

    private readonly Counter<long> requests = factory.Create(ControllerMetrics.MeterName).CreateCounter<long>(
        "spp.http.requests", description: "HTTP requests answered, by method and status code.");

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = KnownMethods.FirstOrDefault(m => m == context.Request.Method) ?? "OTHER";
        context.Response.OnStarting(() =>
        {
            requests.Add(1,
                new KeyValuePair<string, object?>("method", method),
                new KeyValuePair<string, object?>("status", context.Response.StatusCode.ToString(CultureInfo.InvariantCulture)));
            return Task.CompletedTask;
        });
        return next(context);
    }
}
