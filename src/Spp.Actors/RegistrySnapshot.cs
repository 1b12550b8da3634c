using System.Collections.Immutable;
using Spp.Protocol;

namespace Spp.Actors;

/// <summary>
/// The registered processes at one moment: the primary apart, secondaries keyed by client id alone. Immutable;
/// the registry publishes a new one on every change, so look-ups never wait.
/// </summary>
public sealed record RegistrySnapshot(ProcessActor? Primary, ImmutableSortedDictionary<int, ProcessActor> Secondaries)
{
    public static readonly RegistrySnapshot Empty = new(null, ImmutableSortedDictionary<int, ProcessActor>.Empty);

    /// <summary>The actor serving <paramref name="target"/>; a secondary of another type counts as absent.</summary>
    public ProcessActor? Find(ProcessId target)
    {
        if (target.IsPrimary) return Primary;
        return Secondaries.TryGetValue(target.ClientId, out var actor) && actor.Id.Type == target.Type ? actor : null;
    }

    /// <summary>The primary first, then secondaries by ascending client id.</summary>
    public IEnumerable<ProcessActor> All => Primary is null ? Secondaries.Values : Secondaries.Values.Prepend(Primary);

    public RegistrySnapshot With(ProcessActor actor) => actor.Id.IsPrimary
        ? this with { Primary = actor }
        : this with { Secondaries = Secondaries.SetItem(actor.Id.ClientId, actor) };

    public RegistrySnapshot Without(ProcessActor actor) => actor.Id.IsPrimary
        ? this with { Primary = null }
        : this with { Secondaries = Secondaries.Remove(actor.Id.ClientId) };

    /// <summary>Whoever holds the place <paramref name="actor"/> would take.</summary>
    public ProcessActor? Occupant(ProcessActor actor) =>
        actor.Id.IsPrimary ? Primary : Secondaries.GetValueOrDefault(actor.Id.ClientId);
}
