namespace Spp.Actors;

/// <summary>
/// Where the registry actor publishes its latest <see cref="RegistrySnapshot"/>, for readers that must not wait on
/// a mailbox: look-ups before an Ask, <c>GET /v1/processes</c>, readiness and the connected-processes gauge.
/// </summary>
public sealed class ProcessDirectory
{
    private RegistrySnapshot snapshot = RegistrySnapshot.Empty;

    public RegistrySnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>Raised after every change, on the registry's turn: a listener must only hand it on (an actor's Tell).</summary>
    public event Action<RegistrySnapshot>? Published;

    internal void Publish(RegistrySnapshot next)
    {
        Volatile.Write(ref snapshot, next);
        Published?.Invoke(next);
    }
}
