namespace Spp.Protocol;

/// <summary>The five kinds of SPP process the controller talks to.</summary>
public enum ProcessType
{
    Primary,
    Nfv,
    Vf,
    Mirror,
    Pcap,
}

public static class ProcessTypes
{
    /// <summary>The name used on the wire (<c>process_type</c>) and in the REST API (<c>type</c>).</summary>
    public static string WireName(this ProcessType type) => type switch
    {
        ProcessType.Primary => "primary",
        ProcessType.Nfv => "nfv",
        ProcessType.Vf => "vf",
        ProcessType.Mirror => "mirror",
        ProcessType.Pcap => "pcap",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>spp_primary and spp_nfv pad every reply to a fixed block; the worker processes do not.</summary>
    public static ReplyFamily Family(this ProcessType type) =>
        type is ProcessType.Primary or ProcessType.Nfv ? ReplyFamily.Padded : ReplyFamily.Stream;

    public static bool TryParseSecondary(string? name, out ProcessType type)
    {
        switch (name)
        {
            case "nfv": type = ProcessType.Nfv; return true;
            case "vf": type = ProcessType.Vf; return true;
            case "mirror": type = ProcessType.Mirror; return true;
            case "pcap": type = ProcessType.Pcap; return true;
            default: type = default; return false;
        }
    }
}

/// <summary>How a process frames its replies (wire-protocol.md 2.5).</summary>
public enum ReplyFamily
{
    /// <summary>Not known yet: a newcomer on the secondary port before identification.</summary>
    Unknown,
    Padded,
    Stream,
}
