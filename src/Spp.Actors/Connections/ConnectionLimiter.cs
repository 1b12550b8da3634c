using Microsoft.Extensions.Logging;

namespace Spp.Actors.Connections;

/// <summary>
/// Bounds what a flood of connections on the SPP ports can take: newcomers still being identified, and process
/// connections in all. A connection over a bound is closed at once; refusals are logged at most once a second,
/// with how many there were.
/// </summary>
public sealed class ConnectionLimiter(ControllerSettings settings, ILogger<ConnectionLimiter> logger)
{
    private int open;
    private int identifying;
    private int refusedSinceLog;
    private long lastLogTicks;

    /// <summary>Takes a place for a new connection, or returns null if the bound is reached.</summary>
    public IDisposable? TryOpen(string peer) =>
        TryTake(ref open, settings.MaxProcessConnections, peer, "process connections") ? new Release(() => Interlocked.Decrement(ref open)) : null;

    /// <summary>Takes a place for a newcomer's identification, or returns null if too many are pending.</summary>
    public IDisposable? TryIdentify(string peer) =>
        TryTake(ref identifying, settings.MaxPendingIdentifications, peer, "newcomers being identified") ? new Release(() => Interlocked.Decrement(ref identifying)) : null;

    private bool TryTake(ref int counter, int bound, string peer, string what)
    {
        if (Interlocked.Increment(ref counter) <= bound) return true;
        Interlocked.Decrement(ref counter);
        Refused(peer, what, bound);
        return false;
    }

    private void Refused(string peer, string what, int bound)
    {
        var refused = Interlocked.Increment(ref refusedSinceLog);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastLogTicks);
        if (now - last < 1000 || Interlocked.CompareExchange(ref lastLogTicks, now, last) != last) return;
        Interlocked.Exchange(ref refusedSinceLog, 0);
        logger.LogWarning("Refused {Refused} connection(s), latest from {Peer}: already {Bound} {What}", refused, peer, bound, what);
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0) release();
        }
    }
}
