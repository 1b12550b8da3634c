namespace Spp.Emulator;

/// <summary>The fault settings in force for one command.</summary>
internal sealed record FaultSnapshot(
    TimeSpan ReplyDelay,
    int SplitSegmentBytes,
    TimeSpan SplitPause,
    GarbageKind Garbage,
    int InflateStatusBytes,
    bool SilentHandshake,
    int? ClaimedClientId,
    string? ClaimedProcessType,
    string? ExactReply)
{
    public static FaultSnapshot None { get; } = new(TimeSpan.Zero, 0, TimeSpan.Zero, GarbageKind.None, 0, false, null, null, null);
}
