namespace Spp.Actors.Messages;

/// <summary>How a <see cref="ProcessRequest"/> ended.</summary>
public abstract record ProcessOutcome
{
    /// <summary>The process replied. <see cref="Status"/> is the status the gate looked at, if there was one.</summary>
    public sealed record Replied(byte[] Reply, byte[]? Status) : ProcessOutcome;

    /// <summary>The gate refused the command, which was not sent.</summary>
    public sealed record Refused(object Verdict, byte[] Status) : ProcessOutcome;

    /// <summary>The exchange failed; the connection has been closed and the process deregistered.</summary>
    public sealed record Failed(LineFailure Failure) : ProcessOutcome;

    /// <summary>No process of the target's type and id is registered (any more).</summary>
    public sealed record Gone : ProcessOutcome;

    /// <summary>The asker gave up before the command was sent; nothing was sent.</summary>
    public sealed record Abandoned : ProcessOutcome;

    public static readonly ProcessOutcome NotRegistered = new Gone();
}
