namespace Spp.Actors.Messages;

/// <summary>Why an exchange with a process failed (rest-api.md 1.6: communication error, timeout, invalid reply).</summary>
public enum LineFailure
{
    Timeout,
    ConnectionClosed,
    ConnectionReset,
    ConnectionReplaced,
    ReplyTooLarge,
    ShuttingDown,
}
