namespace Spp.Protocol.Framing;

public enum FrameKind
{
    /// <summary>More bytes are needed (or, for a text reply, a pause).</summary>
    Incomplete,
    Reply,
    /// <summary>The byte stream broke the framing rules; the connection must be closed.</summary>
    Violation,
}

/// <summary>What the framer made of the bytes it was shown.</summary>
public readonly record struct FrameOutcome(FrameKind Kind, byte[]? Reply, string? Violation)
{
    public static readonly FrameOutcome Incomplete = new(FrameKind.Incomplete, null, null);

    public static FrameOutcome Complete(byte[] reply) => new(FrameKind.Reply, reply, null);

    public static FrameOutcome Broken(string reason) => new(FrameKind.Violation, null, reason);
}
