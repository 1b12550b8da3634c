using Akka.Hosting;
using System.Text.Json;
using Spp.Actors;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Protocol.Replies;
using Spp.Protocol.Status;
using Spp.Web.Machine;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary><c>GET /v1/cpu_usage</c> and <c>GET /v1/cpu_layout</c> (rest-api.md 2.1.2, 2.1.3).</summary>
public sealed class CpuApi(
    IRequiredActor<ProcessRegistry> registry, ProcessDirectory directory, ControllerSettings settings, CpuTopology topology, ILogger<CpuApi> logger)
{
    public IEnumerable<ApiEndpoint> Endpoints() =>
    [
        new("GET", "/v1/cpu_usage", call => UsageAsync(call.Aborted))
        {
            Doc = EndpointDoc.Read("Lcores each process uses; a process that cannot answer is left out", ApiSchemas.CpuUsage,
                new DocExample("three processes", """[{"proc-type":"primary","master-lcore":0,"lcores":[0,1]},{"proc-type":"nfv","client-id":2,"master-lcore":1,"lcores":[1,2]},{"proc-type":"vf","client-id":3,"master-lcore":1,"lcores":[1,3,4,5]}]""")),
        },
        new("GET", "/v1/cpu_layout", _ => Task.FromResult(Layout()))
        {
            Doc = EndpointDoc.Read("CPU layout of the controller's host, from sysfs", ApiSchemas.CpuLayout,
                new DocExample("one socket", """[{"socket_id":0,"cores":[{"core_id":0,"lcores":[0,4]},{"core_id":1,"lcores":[1,5]}]}]"""),
                500),
        },
    ];

    /// <summary>Asks every process for its status at once; one that cannot answer usably is left out.</summary>
    private async Task<ApiResult> UsageAsync(CancellationToken aborted)
    {
        var processes = directory.Snapshot.All.Select(a => a.Id).ToList();
        var usages = await Task.WhenAll(processes.Select(p => UsageOfAsync(p, aborted)));

        var bytes = JsonBytes.Write(json =>
        {
            json.WriteStartArray();
            foreach (var (process, usage) in processes.Zip(usages))
            {
                if (usage is null) continue;
                json.WriteStartObject();
                json.WriteString("proc-type", process.Type.WireName());
                if (!process.IsPrimary) json.WriteNumber("client-id", process.ClientId);
                json.WriteNumber("master-lcore", usage.MasterLcore);
                WriteLcores(json, usage.Lcores);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
        return new ApiResult.Json(bytes);
    }

    private async Task<LcoreUsage?> UsageOfAsync(ProcessId process, CancellationToken aborted)
    {
        var outcome = await ProcessRegistry.AskAsync(registry.ActorRef, new ProcessRequest(process, Protocol.Commands.Commands.Status, Cancellation: aborted), settings);
        var usage = outcome is ProcessOutcome.Replied replied
            && ReplyReader.Status(process.Type.Family(), replied.Reply) is ReplyVerdict.Accepted { Value: { } status }
                ? LcoreUsage.Read(process.Type, status)
                : null;
        if (usage is null) logger.LogWarning("{Process} left out of cpu_usage: {Outcome}", process, outcome.GetType().Name);
        return usage;
    }

    private ApiResult Layout()
    {
        IReadOnlyList<CpuSocket> sockets;
        try
        {
            sockets = topology.Read();
        }
        catch (CpuLayoutUnavailableException e)
        {
            return ApiResult.ServerError($"cpu layout unavailable: {e.Message}");
        }
        var bytes = JsonBytes.Write(json =>
        {
            json.WriteStartArray();
            foreach (var socket in sockets)
            {
                json.WriteStartObject();
                json.WriteNumber("socket_id", socket.SocketId);
                json.WriteStartArray("cores");
                foreach (var core in socket.Cores)
                {
                    json.WriteStartObject();
                    json.WriteNumber("core_id", core.CoreId);
                    WriteLcores(json, core.Lcores);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
        return new ApiResult.Json(bytes);
    }

    private static void WriteLcores(Utf8JsonWriter json, IEnumerable<int> lcores)
    {
        json.WriteStartArray("lcores");
        foreach (var lcore in lcores) json.WriteNumberValue(lcore);
        json.WriteEndArray();
    }
}
