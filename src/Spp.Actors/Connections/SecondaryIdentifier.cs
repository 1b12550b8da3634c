using Spp.Protocol;
using Spp.Protocol.Replies;

namespace Spp.Actors.Connections;

/// <summary>
/// Asks a newcomer on the secondary port who it is (<c>_get_client_id</c>), on that newcomer's own connection
/// task, so that one slow or silent newcomer never delays another.
/// </summary>
public static class SecondaryIdentifier
{
    private static readonly Task NeverInterrupted = new TaskCompletionSource().Task;

    /// <summary>The process's identity, or null (with the reason) if it gave none within the limit.</summary>
    public static async Task<(ProcessId? Id, string Reason)> IdentifyAsync(ProcessLine line, ControllerSettings settings)
    {
        var result = await line.ExchangeAsync(Protocol.Commands.Commands.GetClientId, settings.IdentificationTimeout, NeverInterrupted);
        if (result.Failure is { } failure) return (null, failure.ToString());
        var id = IdentificationReply.Read(result.Reply!);
        return id is null ? (null, "unrecognised reply to _get_client_id") : (id, "identified");
    }
}
