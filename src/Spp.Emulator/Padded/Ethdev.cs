namespace Spp.Emulator.Padded;

/// <summary>One ethdev known to primary or nfv: a NIC (<c>phy</c>) or a device created with <c>add</c>.</summary>
internal sealed record Ethdev(int Id, string Type, int Number, int Queues)
{
    /// <summary>Type shown for an entry overwritten by an unsupported <c>add</c>/<c>del</c>.</summary>
    public const string Undefined = "udf";

    public bool IsNic => Type == "phy";

    public string Name => Type == Undefined ? Undefined : $"{Type}:{Number}";

    /// <summary>Name of one queue as nfv shows it: <c>phy:0 nq 1</c> for queues of a multi-queue NIC.</summary>
    public string QueueName(int queue) => IsNic && Queues > 1 ? $"{Name} nq {queue}" : Name;
}
