using System.Diagnostics.Metrics;
using System.Globalization;
using Spp.Actors;

namespace Spp.Web.Observability;

/// <summary>
/// Counts HTTP requests by method and status code as each response starts, so that a request is counted before
/// its client can see the answer.
/// </summary>
public sealed class HttpRequestMetrics
{
    private static readonly string[] KnownMethods = ["GET", "HEAD", "PUT", "POST", "DELETE"];

    private readonly Counter<long> requests;
    private readonly Func<object, Task> count;

    public HttpRequestMetrics(IMeterFactory factory)
    {
        requests = factory.Create(ControllerMetrics.MeterName).CreateCounter<long>(
            "spp.http.requests", description: "HTTP requests answered, by method and status code.");
        count = context =>
        {
            Count((HttpContext)context);
            return Task.CompletedTask;
        };
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(count, context);
        return next(context);
    }

    private void Count(HttpContext context)
    {
        requests.Add(1,
            new KeyValuePair<string, object?>("method", MethodOf(context.Request)),
            new KeyValuePair<string, object?>("status", context.Response.StatusCode.ToString(CultureInfo.InvariantCulture)));
    }

    private static string MethodOf(HttpRequest request)
    {
        foreach (var method in KnownMethods)
            if (method == request.Method) return method;
        return "OTHER";
    }
}
