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
    string? ExactReply);
