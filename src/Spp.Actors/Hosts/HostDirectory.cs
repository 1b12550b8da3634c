using System.Collections.Immutable;

namespace Spp.Actors.Hosts;

/// <summary>
/// This host's name and where <see cref="HostsActor"/> publishes the latest <see cref="HostsSnapshot"/>. Without a
/// cluster it holds this host alone.
/// </summary>
public sealed class HostDirectory(string self, string address)
{
    private HostsSnapshot snapshot = new(ImmutableSortedDictionary<string, HostEntry>.Empty.Add(self,
        new HostEntry(self, address, null, HostStatus.Up, true, [], CancellationToken.None)));

    public string Self { get; } = self;

    public HostsSnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>Set when another member already holds this host's name: why this daemon left the cluster.</summary>
    public string? Refusal { get; internal set; }

    internal void Publish(HostsSnapshot next) => Volatile.Write(ref snapshot, next);

    /// <summary>Without a cluster, this host's address is its API's, known once the API listens.</summary>
    public void Announce(string address)
    {
        var current = Snapshot;
        Publish(current with { Hosts = current.Hosts.SetItem(Self, current.Hosts[Self] with { Address = address }) });
    }
}
