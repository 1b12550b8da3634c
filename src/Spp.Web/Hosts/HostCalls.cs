using System.Text;
using Spp.Actors;
using Spp.Actors.Hosts;
using Spp.Web.Access;
using Spp.Web.Http;

namespace Spp.Web.Hosts;

/// <summary>
/// Runs the calls other hosts forward to this one through the very endpoint that serves the plain route here, so
/// the answer is this daemon's own: validation, status, body, ETag; the audit entry names the operator as the
/// host where the request came in identified them.
/// </summary>
public sealed class HostCalls(IServiceProvider services, ControllerSettings settings) : IHostCallHandler
{
    private IReadOnlyDictionary<(string Method, string Route), ApiEndpoint> endpoints = new Dictionary<(string, string), ApiEndpoint>();

    /// <summary>Called once the API's endpoints exist; until then a call is answered 503.</summary>
    public void Serve(IEnumerable<ApiGroup> groups) =>
        endpoints = groups.Where(g => HostRoutes.PerHost.Contains(g.Name)).SelectMany(g => g.Endpoints).ToDictionary(e => (e.Method, e.Route));

    public async Task<HostAnswer> RunAsync(HostCall call)
    {
        if (!endpoints.TryGetValue((call.Method, call.Route), out var endpoint))
            return Error(StatusCodes.Status503ServiceUnavailable, $"{call.Method} {call.Route} is not served by this host yet.");
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = call.Method;
        foreach (var (name, value) in call.Headers) context.Request.Headers[name] = value;
        context.Request.Body = new MemoryStream(call.Body, writable: false);
        context.Request.ContentLength = call.Body.Length;
        new Caller(call.Operator, null).AttachTo(context);
        using var deadline = new CancellationTokenSource(settings.AskTimeout);
        context.RequestAborted = deadline.Token;

        var result = await endpoint.AnswerAsync(new EndpointCall(context, call.Parameters));
        var etag = context.Response.Headers.ETag is { Count: > 0 } tag ? tag.ToString() : null;
        return result switch
        {
            ApiResult.Json json => new HostAnswer(StatusCodes.Status200OK, json.Body.ToArray(), etag),
            ApiResult.Error error => Error(error.Status, error.Message, etag),
            _ => new HostAnswer(StatusCodes.Status204NoContent, [], etag),
        };
    }

    private static HostAnswer Error(int status, string message, string? etag = null) => new(status, Encoding.UTF8.GetBytes(message), etag);
}
