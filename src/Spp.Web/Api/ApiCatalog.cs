using Spp.Actors;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>Every endpoint of the API, from the per-process tables.</summary>
public static class ApiCatalog
{
    public static IEnumerable<ApiEndpoint> Endpoints(IServiceProvider services)
    {
        var api = services.GetRequiredService<ProcessEndpoints>();
        var directory = services.GetRequiredService<ProcessDirectory>();
        return
        [
            .. ProcessesApi.Endpoints(directory),
            .. PrimaryApi.Endpoints(api),
            .. NfvApi.Endpoints(api),
            .. VfApi.Endpoints(api),
            .. MirrorApi.Endpoints(api),
            .. PcapApi.Endpoints(api),
            .. services.GetRequiredService<CpuApi>().Endpoints(),
            .. services.GetRequiredService<AuditApi>().Endpoints(),
            .. services.GetRequiredService<EventsApi>().Endpoints(),
        ];
    }
}
