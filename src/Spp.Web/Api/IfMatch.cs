using Microsoft.Net.Http.Headers;
using Spp.Protocol;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>
/// <c>If-Match</c> on a request that changes a process: the plan gets a status gate, which the process actor runs in
/// its own turn: it reads <c>status</c>, compares its <see cref="StatusTag"/>, and sends the command right after with
/// nothing in between, or sends nothing and answers <c>412</c>. <c>*</c> matches any existing process; no header,
/// no gate (clients that do not know about ETags, such as the SPP CLI, see no change).
/// </summary>
public static class IfMatch
{
    public const int PreconditionFailed = StatusCodes.Status412PreconditionFailed;

    /// <summary>The plan, guarded by the request's If-Match; <c>400</c> for a header that is not a list of entity tags.</summary>
    public static CommandPlan Guard(CommandPlan plan, HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0) return plan;
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
            throw new ApiRejection(400, $"invalid header(If-Match): {header}.");
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any))) return plan;

        // If-Match compares strongly: a weak tag never matches.
        var accepted = tags.Where(t => !t.IsWeak).Select(t => t.Tag.ToString()).ToHashSet();
        var inner = plan.Gate;
        return plan with
        {
            Gate = (process, status) => accepted.Contains(StatusTag.Of(process, status))
                ? inner?.Invoke(process, status)
                : Failed(process),
        };
    }

    public static bool IsFailure(object verdict) => verdict is ApiResult.Error { Status: PreconditionFailed };

    private static ApiResult Failed(ProcessId process) =>
        new ApiResult.Error(PreconditionFailed, $"Precondition Failed: the status of {process} does not match If-Match; the command was not sent.");
}
