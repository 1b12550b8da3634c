using System.Text.Json;
using Akka.Hosting;
using Spp.Actors;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Web.Api;
using Spp.Web.Http;

namespace Spp.Web.Topology;

/// <summary>
/// Reads the status of every registered process at once, with the same plans as their <c>GET /v1/...</c> status
/// endpoints, so the picture shows exactly what the API would answer. A process that does not answer is kept,
/// with the API's error line.
/// </summary>
public sealed class PanelReader(IRequiredActor<ProcessRegistry> registry, ProcessDirectory directory, ControllerSettings settings)
{
    public async Task<Panel> ReadAsync(string? operatorName, CancellationToken aborted)
    {
        var reads = directory.Snapshot.All.Select(process => ReadAsync(process.Id, operatorName, aborted)).ToList();
        var views = await Task.WhenAll(reads);
        return new Panel([.. views.OfType<ProcessView>()]);
    }

    private async Task<ProcessView?> ReadAsync(ProcessId process, string? operatorName, CancellationToken aborted)
    {
        var plan = StatusPlan(process.Type);
        var outcome = await ProcessRegistry.AskAsync(registry.ActorRef, new ProcessRequest(process, plan.Command, Cancellation: aborted, Operator: operatorName), settings);
        var result = outcome switch
        {
            ProcessOutcome.Replied replied => plan.Map(process, replied),
            ProcessOutcome.Failed failed => FailureMessages.For(process, failed.Failure, settings),
            _ => null,
        };
        return result switch
        {
            ApiResult.Json json => new ProcessView(process, JsonDocument.Parse(json.Body).RootElement.Clone(), null),
            ApiResult.Error error => new ProcessView(process, null, error.Message),
            _ => null,
        };
    }

    private static CommandPlan StatusPlan(ProcessType type) => type switch
    {
        ProcessType.Vf or ProcessType.Mirror => ComponentRequests.Status(),
        ProcessType.Pcap => PcapApi.Status(),
        _ => Plans.StatusAsReported(),
    };
}
