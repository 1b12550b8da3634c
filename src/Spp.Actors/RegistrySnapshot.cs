using System.Collections.Immutable;
using Akka.Actor;
using Spp.Protocol;

namespace Spp.Actors;

/// <summary>A registered process: who it is and the actor that owns its connection.</summary>
public sealed record Registered(ProcessId Id, IActorRef Actor);

/// <summary>
/// The registered processes at one moment: the primary apart, secondaries keyed by client id alone. Immutable;
/// the registry publishes a new one on every change, so look-ups never wait.
/// </summary>
public sealed record RegistrySnapshot(Registered? Primary, ImmutableSortedDictionary<int, Registered> Secondaries)
{
    public static readonly RegistrySnapshot Empty = new(null, ImmutableSortedDictionary<int, Registered>.Empty);

    /// <summary>The process serving <paramref name="target"/>; a secondary of another type counts as absent.</summary>
    public Registered? Find(ProcessId target)
    {
        if (target.IsPrimary) return Primary;
        return Secondaries.TryGetValue(target.ClientId, out var entry) && entry.Id.Type == target.Type ? entry : null;
    }

    /// <summary>The primary first, then secondaries by ascending client id.</summary>
    public IEnumerable<Registered> All => Primary is null ? Secondaries.Values : Secondaries.Values.Prepend(Primary);

    public RegistrySnapshot With(Registered entry) => entry.Id.IsPrimary
        ? this with { Primary = entry }
        : this with { Secondaries = Secondaries.SetItem(entry.Id.ClientId, entry) };

    public RegistrySnapshot Without(ProcessId id) => id.IsPrimary
        ? this with { Primary = null }
        : this with { Secondaries = Secondaries.Remove(id.ClientId) };

    /// <summary>Whoever holds the place (the primary's, or the client id) that <paramref name="id"/> would take.</summary>
    public Registered? Occupant(ProcessId id) => id.IsPrimary ? Primary : Secondaries.GetValueOrDefault(id.ClientId);
}
