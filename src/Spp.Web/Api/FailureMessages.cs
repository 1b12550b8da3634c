using Spp.Actors;
using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>The <c>500</c> answers for exchanges that failed (rest-api.md 1.6).</summary>
public static class FailureMessages
{
    public static ApiResult For(ProcessId process, LineFailure failure, ControllerSettings settings) => ApiResult.ServerError(failure switch
    {
        LineFailure.Timeout => $"timeout: {process}: no reply within {settings.CommandTimeoutText} s",
        LineFailure.ConnectionClosed => $"communication error: {process}: connection closed",
        LineFailure.ConnectionReset => $"communication error: {process}: connection reset",
        LineFailure.ConnectionReplaced => $"communication error: {process}: connection replaced",
        LineFailure.ShuttingDown => $"communication error: {process}: controller shutting down",
        LineFailure.ReplyTooLarge => $"invalid reply: {process}: reply too large",
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    });
}
