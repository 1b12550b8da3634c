using System.Diagnostics;
using Akka.Hosting;
using Spp.Actors;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Web.Access;
using Spp.Web.Audit;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>
/// Builds the endpoints that talk to one process, all in the order of rest-api.md 1.8: find the process
/// (404), read the body (413/400), validate and plan (400), Ask the process actor, map its answer.
/// A GET answers with the process's ETag; a change honours If-Match and, once it reached the process, is audited.
/// </summary>
public sealed class ProcessEndpoints(
    IRequiredActor<ProcessRegistry> registry, ProcessDirectory directory, ControllerSettings settings, AuditTrail? audit = null)
{
    /// <summary>The primary, or the secondary of <paramref name="type"/> named by <c>{client_id}</c>.</summary>
    public ApiEndpoint Get(ProcessType type, string route, Func<EndpointCall, CommandPlan> plan) => Make("GET", type, route, false, plan);

    public ApiEndpoint Delete(ProcessType type, string route, Func<EndpointCall, CommandPlan> plan) => Make("DELETE", type, route, false, plan);

    public ApiEndpoint Put(ProcessType type, string route, Func<EndpointCall, CommandPlan> plan) => Make("PUT", type, route, true, plan);

    public ApiEndpoint Post(ProcessType type, string route, Func<EndpointCall, CommandPlan> plan) => Make("POST", type, route, true, plan);

    private ApiEndpoint Make(string method, ProcessType type, string route, bool readsBody, Func<EndpointCall, CommandPlan> plan) =>
        new(method, route, call => RunAsync(call, method, route, type, readsBody, plan)) { ForwardsItself = true };

    private async Task<ApiResult> RunAsync(
        EndpointCall call, string method, string route, ProcessType type, bool readsBody, Func<EndpointCall, CommandPlan> planOf)
    {
        Func<ProcessId, bool> has = call.Host is { } host ? host.Has : id => directory.Snapshot.Find(id) is not null;
        if (Target(call, type, has) is not { } target) return NotFound(call, type);
        CommandPlan plan;
        try
        {
            if (readsBody) call.Body = await BodyReader.ReadAsync(call.Http.Request, call.Aborted);
            plan = planOf(call);
        }
        catch (ApiRejection rejection)
        {
            // Answered here rather than rethrown at every await on the way out: bad input is the common rejection.
            return rejection.Result;
        }
        var changes = method != "GET";
        if (changes) plan = IfMatch.Guard(plan, call.Http.Request);
        // Valid: the host that owns the process runs this endpoint again, and answers, audits and sets the ETag.
        if (call.Host is { } owner)
            return await owner.ForwardAsync(call, method, route, readsBody ? System.Text.Encoding.UTF8.GetBytes(call.Body.Root.GetRawText()) : []);

        var receivedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        StatusGate? gate = plan.Gate is { } check ? status => check(target, status) : null;
        var caller = Caller.Of(call.Http);
        var request = new ProcessRequest(target, plan.Command, gate, plan.Terminates, call.Aborted, caller.Operator);
        var outcome = await ProcessRegistry.AskAsync(registry.ActorRef, directory, request, settings);
        var result = outcome switch
        {
            ProcessOutcome.Replied replied => plan.Map(target, replied),
            ProcessOutcome.Refused refused => (ApiResult)refused.Verdict,
            ProcessOutcome.Failed failed => FailureMessages.For(target, failed.Failure, settings),
            _ => NotFound(call, type),
        };

        if (!changes && outcome is ProcessOutcome.Replied { Reply: var status } && result is ApiResult.Json)
            call.Http.Response.Headers.ETag = StatusTag.Of(target, status);
        if (outcome is ProcessOutcome.Refused gateRefused && IfMatch.IsFailure(gateRefused.Verdict))
            call.Http.Response.Headers.ETag = StatusTag.Of(target, gateRefused.Status);
        if (changes && outcome is ProcessOutcome.Replied or ProcessOutcome.Refused or ProcessOutcome.Failed)
            audit?.Record(AuditEntry.Of(call, caller.Operator, target, plan.Command, result, receivedAt, Stopwatch.GetElapsedTime(started)));
        return result;
    }

    private static ProcessId? Target(EndpointCall call, ProcessType type, Func<ProcessId, bool> has)
    {
        if (type == ProcessType.Primary) return has(ProcessId.Primary) ? ProcessId.Primary : null;
        if (!int.TryParse(call.Parameter("client_id"), out var clientId)) return null;
        var id = new ProcessId(type, clientId);
        return has(id) ? id : null;
    }

    private static ApiResult NotFound(EndpointCall call, ProcessType type) => type == ProcessType.Primary
        ? ApiResult.NotFound("primary not found.")
        : ApiResult.NotFound($"sec_id {CanonicalDecimal(call.Parameter("client_id"))} not found.");

    private static string CanonicalDecimal(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
