using Spp.Protocol;

namespace Spp.Actors.Events;

/// <summary>
/// Something that happened to a process connection or a command, as published on <see cref="ProcessEvents"/>.
/// The hub stamps <see cref="Sequence"/> and <see cref="Time"/> when it publishes.
/// </summary>
public abstract record ProcessEvent
{
    /// <summary>1 for the first event the hub published, then one more for each.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset Time { get; init; }

    /// <summary>A TCP connection arrived on the primary or the secondary port.</summary>
    public sealed record Connected(string Peer, string Port) : ProcessEvent;

    /// <summary>A connection from a peer that is not allowed on the SPP ports; it was closed at once.</summary>
    public sealed record Refused(string Peer, string Port, string Reason) : ProcessEvent;

    /// <summary>The connection is known to be <see cref="Process"/> (the primary at once; a secondary after <c>_get_client_id</c>).</summary>
    public sealed record Identified(ProcessId Process, string Peer) : ProcessEvent;

    /// <summary><see cref="New"/> took the place (primary, or client id) that <see cref="Old"/> held.</summary>
    public sealed record Replaced(ProcessId Old, ProcessId New) : ProcessEvent;

    /// <summary>A connection ended; <see cref="Process"/> is null for one that was never identified.</summary>
    public sealed record Disconnected(ProcessId? Process, string Peer, string Reason) : ProcessEvent;

    /// <summary>No reply to <see cref="Command"/> within <see cref="Limit"/>; the connection is being closed.</summary>
    public sealed record TimedOut(ProcessId Process, string Command, TimeSpan Limit) : ProcessEvent;

    /// <summary>A command other than a <c>status</c> read went out to a process, and this is how it ended.</summary>
    public sealed record CommandApplied(ProcessId Process, string? Operator, string Command, string Outcome, TimeSpan Duration) : ProcessEvent;

    /// <summary>Something that happened to another host of the cluster, at its cluster address.</summary>
    public abstract record HostChange(string Host, string Address) : ProcessEvent;

    /// <summary>Another host of the cluster is up (joined, or reachable again).</summary>
    public sealed record HostUp(string Host, string Address) : HostChange(Host, Address);

    /// <summary>The failure detector lost another host: its routes answer 503 until it is back.</summary>
    public sealed record HostUnreachable(string Host, string Address) : HostChange(Host, Address);

    /// <summary>Another host left the cluster (or was removed from it after it was lost).</summary>
    public sealed record HostLeft(string Host, string Address) : HostChange(Host, Address);

    /// <summary>
    /// A process event of another host of the cluster, by its name there and as that host's <c>/v1/events</c> writes
    /// its data; only the subscribers that asked for other hosts' events receive it.
    /// </summary>
    public sealed record OnHost(string Host, string Name, string Json) : ProcessEvent;
}
