namespace Spp.Emulator;

/// <summary>What an emulated process sends instead of its real reply.</summary>
public enum GarbageKind
{
    None,
    /// <summary>Plain text that is not JSON (<c>status: idling</c>).</summary>
    Text,
    /// <summary>Random bytes that are not valid UTF-8 and contain no NUL.</summary>
    Binary,
}
