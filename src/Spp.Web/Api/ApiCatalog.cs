using Spp.Actors;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>Every endpoint of the API, from the per-process tables, one route group each.</summary>
public static class ApiCatalog
{
    public static IReadOnlyList<ApiGroup> Groups(IServiceProvider services)
    {
        var api = services.GetRequiredService<ProcessEndpoints>();
        var registry = services.GetRequiredService<ProcessRegistry>();
        return
        [
            new("processes", [.. ProcessesApi.Endpoints(registry)]),
            new("primary", [.. PrimaryApi.Endpoints(api)]),
            new("nfv", [.. NfvApi.Endpoints(api)]),
            new("vf", [.. VfApi.Endpoints(api)]),
            new("mirror", [.. MirrorApi.Endpoints(api)]),
            new("pcap", [.. PcapApi.Endpoints(api)]),
            new("cpu", [.. services.GetRequiredService<CpuApi>().Endpoints()]),
            new("audit", [.. services.GetRequiredService<AuditApi>().Endpoints()]),
            new("events", [.. services.GetRequiredService<EventsApi>().Endpoints()]),
        ];
    }
}
