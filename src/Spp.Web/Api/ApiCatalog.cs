using Spp.Actors;
using Spp.Actors.Hosts;
using Spp.Web.Hosts;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>Every endpoint of the API, from the per-process tables, one route group each.</summary>
public static class ApiCatalog
{
    public static IReadOnlyList<ApiGroup> Groups(IServiceProvider services)
    {
        var api = services.GetRequiredService<ProcessEndpoints>();
        var directory = services.GetRequiredService<ProcessDirectory>();
        IReadOnlyList<ApiGroup> groups =
        [
            new("processes", "/v1", [.. ProcessesApi.Endpoints(directory)]),
            new("primary", "/v1/primary", [.. PrimaryApi.Endpoints(api)]),
            new("nfv", "/v1/nfvs", [.. NfvApi.Endpoints(api)]),
            new("vf", "/v1/vfs", [.. VfApi.Endpoints(api)]),
            new("mirror", "/v1/mirrors", [.. MirrorApi.Endpoints(api)]),
            new("pcap", "/v1/pcaps", [.. PcapApi.Endpoints(api)]),
            new("cpu", "/v1", [.. services.GetRequiredService<CpuApi>().Endpoints()]),
            new("audit", "/v1", [.. services.GetRequiredService<AuditApi>().Endpoints()]),
            new("events", "/v1", [.. services.GetRequiredService<EventsApi>().Endpoints()]),
            new("hosts", "/v1/hosts", [.. HostsApi.Endpoints(services.GetRequiredService<HostDirectory>(), directory)]),
        ];
        services.GetRequiredService<HostCalls>().Serve(groups);
        return [.. groups, services.GetRequiredService<HostRoutes>().Group(groups)];
    }
}
