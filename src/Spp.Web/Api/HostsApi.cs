using Spp.Actors;
using Spp.Actors.Hosts;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary><c>GET /v1/hosts</c>: every host of the cluster by name (this one alone without a cluster), nothing sent.</summary>
public static class HostsApi
{
    public static IEnumerable<ApiEndpoint> Endpoints(HostDirectory hosts, ProcessDirectory processes) =>
    [
        new("GET", "/v1/hosts", _ => Task.FromResult<ApiResult>(new ApiResult.Json(List(hosts.Snapshot, processes.Snapshot))))
        {
            Doc = EndpointDoc.Read("The hosts whose controllers form this cluster, and how each is doing", ApiSchemas.HostList,
                new DocExample("three hosts", """[{"host":"a","address":"127.0.0.1:26001","status":"up","self":true,"processes":5},{"host":"b","address":"127.0.0.1:26002","status":"up","self":false,"processes":5},{"host":"c","address":"127.0.0.1:26003","status":"unreachable","self":false,"processes":5}]""")),
        },
    ];

    private static byte[] List(HostsSnapshot snapshot, RegistrySnapshot own) => JsonBytes.Write(json =>
    {
        json.WriteStartArray();
        foreach (var host in snapshot.Hosts.Values)
        {
            json.WriteStartObject();
            json.WriteString("host", host.Name);
            json.WriteString("address", host.Address);
            json.WriteString("status", host.Status switch
            {
                HostStatus.Up => "up",
                HostStatus.Unreachable => "unreachable",
                _ => "leaving",
            });
            json.WriteBoolean("self", host.Self);
            json.WriteNumber("processes", host.Self ? own.All.Count() : host.Processes.Length);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });
}
