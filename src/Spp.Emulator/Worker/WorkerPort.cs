namespace Spp.Emulator.Worker;

/// <summary>
/// A port of vf or mirror: <c>phy</c>, <c>vhost</c> or <c>ring</c>; <see cref="Queue"/> is set only for a
/// queue of a multi-queue NIC.
/// </summary>
internal sealed record WorkerPort(string Type, int Id, int? Queue)
{
    /// <summary>The name in status replies: <c>ring:0</c>, <c>phy:0 nq 1</c>.</summary>
    public string Name => Queue is { } q ? $"{Type}:{Id} nq {q}" : $"{Type}:{Id}";
}
