namespace Spp.Protocol;

/// <summary>
/// One registered process: the primary, or a secondary of a type with its client id.
/// Its text form (<c>primary</c>, <c>nfv:1</c>) is the <c>{proc}</c> of error messages.
/// </summary>
public readonly record struct ProcessId(ProcessType Type, int ClientId)
{
    public static readonly ProcessId Primary = new(ProcessType.Primary, 0);

    public bool IsPrimary => Type == ProcessType.Primary;

    public override string ToString() => IsPrimary ? "primary" : $"{Type.WireName()}:{ClientId}";
}
