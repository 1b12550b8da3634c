using Akka.Actor;
using Spp.Actors;
using Spp.Actors.Hosts;
using Spp.Web.Http;

namespace Spp.Web.Hosts;

/// <summary>
/// <c>/v1/hosts/{host}</c> followed by any route of the groups that serve one host's processes: the same endpoint,
/// run here for this host, or validated here and forwarded to the host that owns the processes.
/// </summary>
public sealed class HostRoutes(HostDirectory hosts, ActorSystem system, ControllerSettings settings)
{
    public const string HostParameter = "host";
    public const string Prefix = "/v1/hosts/{" + HostParameter + "}";

    /// <summary>The groups whose routes exist under every host.</summary>
    public static readonly string[] PerHost = ["processes", "primary", "nfv", "vf", "mirror", "pcap", "cpu"];

    public ApiGroup Group(IEnumerable<ApiGroup> groups) => new("host", Prefix,
    [
        .. groups.Where(g => PerHost.Contains(g.Name)).SelectMany(g => g.Endpoints).Select(e => e with
        {
            Route = Prefix + e.Route["/v1".Length..],
            Handle = call => HandleAsync(call, e),
        }),
    ]);

    private async Task<ApiResult> HandleAsync(EndpointCall call, ApiEndpoint endpoint)
    {
        var name = call.Parameter(HostParameter);
        if (hosts.Snapshot.Find(name) is not { } host) return ApiResult.NotFound($"host {name} not found.");
        if (host.Self) return await endpoint.Handle(call);
        if (host.Status == HostStatus.Unreachable || host.Lost.IsCancellationRequested)
            return new ApiResult.Error(StatusCodes.Status503ServiceUnavailable, $"host {name} unreachable.");
        var remote = new RemoteHost(host, system, settings);
        if (!endpoint.ForwardsItself) return await remote.ForwardAsync(call, endpoint.Method, endpoint.Route, []);
        call.Host = remote;
        return await endpoint.Handle(call);
    }
}
