using System.Text.Json;
using Spp.Web.Http;
using Spp.Protocol.Status;

namespace Spp.Web.Api;

/// <summary>The body of <c>GET /v1/vfs/{id}</c> and <c>GET /v1/mirrors/{id}</c> (rest-api.md 2.4.1).</summary>
public static class WorkerStatusJson
{
    public static byte[] Write(WorkerStatus status)
    {
        return JsonBytes.Write(json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("client-id");
            status.ClientId.WriteTo(json);
            json.WriteStartArray("ports");
            foreach (var port in status.Ports) json.WriteStringValue(port);
            json.WriteEndArray();
            json.WritePropertyName("master-lcore");
            status.MasterLcore.WriteTo(json);
            json.WritePropertyName("components");
            status.Components.WriteTo(json);
            if (status.ClassifierTable is { } table)
            {
                json.WritePropertyName("classifier_table");
                table.WriteTo(json);
            }
            json.WriteEndObject();
        });
    }
}
