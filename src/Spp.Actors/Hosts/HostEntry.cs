using System.Collections.Immutable;

namespace Spp.Actors.Hosts;

/// <summary>Whether a host's daemon can be reached, as the cluster sees it.</summary>
public enum HostStatus
{
    Up,
    Unreachable,
    Leaving,
}

/// <summary>
/// One host of the cluster: its name, its cluster address (<c>host:port</c>, <see cref="Akka"/> for the Ask), what
/// the failure detector says of it, the processes it reported (none for this host, whose own are in the
/// <see cref="ProcessDirectory"/>), and a token that is cancelled when it is lost
/// (unreachable or gone), so a request waiting on it ends at once.
/// </summary>
public sealed record HostEntry(
    string Name,
    string Address,
    Akka.Actor.Address? Akka,
    HostStatus Status,
    bool Self,
    ImmutableArray<string> Processes,
    CancellationToken Lost);

/// <summary>The hosts at one moment, by name; published on every change, so look-ups never wait on a mailbox.</summary>
public sealed record HostsSnapshot(ImmutableSortedDictionary<string, HostEntry> Hosts)
{
    public HostEntry? Find(string name) => Hosts.GetValueOrDefault(name);
}
