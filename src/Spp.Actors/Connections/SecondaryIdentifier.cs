using Spp.Actors.Messages;
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

    /// <summary>
    /// The process's identity; null if it gave none, with the failure of the exchange if there was no usable reply
    /// at all (a timeout, a closed connection), or no failure if it answered something unrecognisable.
    /// </summary>
    public static async Task<(ProcessId? Id, LineFailure? Failure)> IdentifyAsync(ProcessLine line, ControllerSettings settings)
    {
        var result = await line.ExchangeAsync(Protocol.Commands.Commands.GetClientId, settings.IdentificationTimeout, NeverInterrupted);
        return result.Failure is { } failure ? (null, failure) : (IdentificationReply.Read(result.Reply!), null);
    }
}
