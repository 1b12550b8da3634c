using System.Text.RegularExpressions;

namespace Spp.Emulator.Pcap;

/// <summary>The port spp_pcap captures (its <c>-c</c> option): <c>phy:N</c>, <c>ring:N</c> or <c>phy:NnqQ</c>.</summary>
internal sealed partial record CapturePort(string Type, int Id, int? Queue)
{
    /// <summary>As shown in status: <c>phy:0</c>, <c>phy:0 nq 1</c>.</summary>
    public string Name => Queue is { } q ? $"{Type}:{Id} nq {q}" : $"{Type}:{Id}";

    /// <summary>As written into capture file names: <c>phy0</c>, <c>phy0nq1</c>.</summary>
    public string FileTag => Queue is { } q ? $"{Type}{Id}nq{q}" : $"{Type}{Id}";

    public static CapturePort Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success) throw new ArgumentException($"capture port must be phy:N, ring:N or phy:NnqQ, not '{text}'", nameof(text));
        int? queue = match.Groups[3].Success ? int.Parse(match.Groups[3].Value) : null;
        return new CapturePort(match.Groups[1].Value, int.Parse(match.Groups[2].Value), queue);
    }

    [GeneratedRegex(@"^(phy|ring):(\d+)(?:nq(\d+))?$")]
    private static partial Regex Pattern();
}
