using System.Text;
using Akka.Actor;
using Spp.Actors;
using Spp.Actors.Hosts;
using Spp.Protocol;
using Spp.Web.Access;
using Spp.Web.Http;

namespace Spp.Web.Hosts;

/// <summary>
/// Another host of the cluster, as a request for it sees it: what processes it reported, and the one Ask that hands
/// a validated request to its daemon and turns the answer into this one's.
/// </summary>
public sealed class RemoteHost(HostEntry entry, ActorSystem system, ControllerSettings settings)
{
    public string Name => entry.Name;

    public bool Has(ProcessId process) => entry.Processes.Contains(process.ToString());

    /// <summary>Forwards the call as <paramref name="method"/> on the plain <paramref name="route"/>, with <paramref name="body"/>.</summary>
    public async Task<ApiResult> ForwardAsync(EndpointCall call, string method, string route, byte[] body)
    {
        var parameters = call.Parameters.Where(p => p.Key != HostRoutes.HostParameter).ToDictionary();
        var headers = new Dictionary<string, string>();
        if (call.Http.Request.Headers.IfMatch is { Count: > 0 } ifMatch) headers["If-Match"] = ifMatch.ToString();
        var forwarded = new HostCall(method, route, parameters, headers, body, Caller.Of(call.Http).Operator);
        // The owner bounds its own Ask; this one only has to outlast it.
        var outcome = await HostForwarding.AskAsync(system, entry, forwarded, settings.AskTimeout + TimeSpan.FromSeconds(1), call.Aborted);
        switch (outcome)
        {
            case HostOutcome.Answered { Answer: var answer }:
                if (answer.ETag is { } tag) call.Http.Response.Headers.ETag = tag;
                return answer.Status switch
                {
                    StatusCodes.Status200OK => new ApiResult.Json(answer.Body),
                    StatusCodes.Status204NoContent => ApiResult.Done,
                    _ => new ApiResult.Error(answer.Status, Encoding.UTF8.GetString(answer.Body)),
                };
            case HostOutcome.Lost:
                return new ApiResult.Error(StatusCodes.Status502BadGateway,
                    $"host {Name} unreachable: it went away before it answered; the command may or may not have been applied.");
            default:
                return new ApiResult.Error(StatusCodes.Status504GatewayTimeout,
                    $"host {Name} did not answer within {settings.AskTimeout.TotalSeconds + 1:0} s; the command may or may not have been applied.");
        }
    }
}
