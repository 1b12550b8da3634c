namespace Spp.Emulator;

/// <summary>
/// Misbehaviour of an emulated process, switchable at run time from any thread. Each command reads the
/// settings once, when it arrives.
/// </summary>
public sealed class FaultSettings
{
    private readonly Lock _gate = new();
    private TimeSpan _replyDelay;
    private int _splitSegmentBytes;
    private TimeSpan _splitPause;
    private int? _hangAfterCommands;
    private int? _closeAfterCommands;
    private GarbageKind _garbage;
    private int _inflateStatusBytes;
    private bool _silentHandshake;
    private int? _claimedClientId;
    private string? _claimedProcessType;
    private string? _exactReply;

    /// <summary>Wait this long before writing each reply.</summary>
    public TimeSpan ReplyDelay { get => Read(() => _replyDelay); set => Write(() => _replyDelay = value); }

    /// <summary>Above 0: write each reply in segments of this many bytes.</summary>
    public int SplitSegmentBytes { get => Read(() => _splitSegmentBytes); set => Write(() => _splitSegmentBytes = value); }

    /// <summary>Pause between the segments of a split reply.</summary>
    public TimeSpan SplitPause { get => Read(() => _splitPause); set => Write(() => _splitPause = value); }

    /// <summary>
    /// Answer this many more commands, then read and ignore every command until this is set back to null.
    /// Counts down as commands are answered; 0 means the process is not answering.
    /// </summary>
    public int? HangAfterCommands { get => Read(() => _hangAfterCommands); set => Write(() => _hangAfterCommands = value); }

    /// <summary>
    /// Answer this many more commands, then close the connection and reconnect after the retry interval.
    /// Counts down as commands are answered and returns to null once the connection was closed (0 acts as 1).
    /// </summary>
    public int? CloseAfterCommands { get => Read(() => _closeAfterCommands); set => Write(() => _closeAfterCommands = value); }

    /// <summary>Send garbage instead of every reply (the command still takes effect).</summary>
    public GarbageKind Garbage { get => Read(() => _garbage); set => Write(() => _garbage = value); }

    /// <summary>Above 0: pad status replies with extra entries to at least this many bytes (primary and nfv stop below their block size).</summary>
    public int InflateStatusBytes { get => Read(() => _inflateStatusBytes); set => Write(() => _inflateStatusBytes = value); }

    /// <summary>Never answer <c>_get_client_id</c>.</summary>
    public bool SilentHandshake { get => Read(() => _silentHandshake); set => Write(() => _silentHandshake = value); }

    /// <summary>Answer <c>_get_client_id</c> with this client id instead of the real one.</summary>
    public int? ClaimedClientId { get => Read(() => _claimedClientId); set => Write(() => _claimedClientId = value); }

    /// <summary>Answer <c>_get_client_id</c> with this process type instead of the real one.</summary>
    public string? ClaimedProcessType { get => Read(() => _claimedProcessType); set => Write(() => _claimedProcessType = value); }

    /// <summary>Reply this text to every command except <c>_get_client_id</c> (the command still takes effect).</summary>
    public string? ExactReply { get => Read(() => _exactReply); set => Write(() => _exactReply = value); }

    internal bool IsHanging => Read(() => _hangAfterCommands == 0);

    internal FaultSnapshot Snapshot() => Read(() => new FaultSnapshot(
        _replyDelay, _splitSegmentBytes, _splitPause, _garbage, _inflateStatusBytes,
        _silentHandshake, _claimedClientId, _claimedProcessType, _exactReply));

    /// <summary>Counts one answered command; true when the connection must now be closed.</summary>
    internal bool CountAnswer()
    {
        lock (_gate)
        {
            if (_hangAfterCommands > 0) _hangAfterCommands--;
            if (_closeAfterCommands is null) return false;
            if (_closeAfterCommands > 0) _closeAfterCommands--;
            if (_closeAfterCommands > 0) return false;
            _closeAfterCommands = null;
            return true;
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate) return read();
    }

    private void Write(Action write)
    {
        lock (_gate) write();
    }
}
