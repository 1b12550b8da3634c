using System.Text.Json;
using Spp.Actors;
using Spp.Protocol;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>
/// <c>GET /v1/processes</c> (rest-api.md 2.1.1): answered from the registry, nothing sent. The list is written
/// once per registry snapshot, so its cost does not grow with the number of processes.
/// </summary>
public static class ProcessesApi
{
    private sealed record Answer(RegistrySnapshot Snapshot, Task<ApiResult> Result);

    public static IEnumerable<ApiEndpoint> Endpoints(ProcessDirectory directory)
    {
        Answer? last = null;
        return
        [
            new("GET", "/v1/processes", _ =>
            {
                var snapshot = directory.Snapshot;
                var answer = Volatile.Read(ref last);
                if (!ReferenceEquals(answer?.Snapshot, snapshot))
                {
                    answer = new Answer(snapshot, Task.FromResult<ApiResult>(new ApiResult.Json(List(snapshot))));
                    Volatile.Write(ref last, answer);
                }
                return answer!.Result;
            })
            {
                Doc = EndpointDoc.Read("Processes connected to the controller, from the registry (nothing is sent)", ApiSchemas.ProcessList,
                    new DocExample("five processes", """[{"type":"primary"},{"type":"nfv","client-id":1},{"type":"vf","client-id":2},{"type":"mirror","client-id":3},{"type":"pcap","client-id":4}]""")),
            },
        ];
    }

    public static byte[] List(RegistrySnapshot snapshot)
    {
        return JsonBytes.Write(json =>
        {
            json.WriteStartArray();
            foreach (var process in snapshot.All.Select(a => a.Id))
            {
                json.WriteStartObject();
                json.WriteString("type", process.Type.WireName());
                if (!process.IsPrimary) json.WriteNumber("client-id", process.ClientId);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }
}
