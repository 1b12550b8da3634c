using Spp.Emulator.Wire;

namespace Spp.Emulator.Primary;

/// <summary>A secondary requested by <c>launch ID NAME EAL... -- APP...</c>.</summary>
internal sealed record SecondaryLaunch(EmulatedKind Kind, int ClientId, ControllerEndpoint Controller)
{
    /// <summary>
    /// Reads the kind from the process name, the client id from <c>-n N</c> (spp_nfv) or <c>--client-id N</c>
    /// and the controller from <c>-s IP:PORT</c>; null when any of them is missing.
    /// </summary>
    public static SecondaryLaunch? From(string[] tokens)
    {
        EmulatedKind? kind = tokens[2] switch
        {
            "spp_nfv" => EmulatedKind.Nfv,
            "spp_vf" => EmulatedKind.Vf,
            "spp_mirror" => EmulatedKind.Mirror,
            "spp_pcap" => EmulatedKind.Pcap,
            _ => null,
        };
        var separator = Array.IndexOf(tokens, "--");
        if (kind is null || separator < 0) return null;
        var app = tokens[(separator + 1)..];
        var id = Option(app, kind == EmulatedKind.Nfv ? "-n" : "--client-id");
        var server = Option(app, "-s")?.Split(':');
        if (id is null || !CNumber.TryParseInRange(id, 0, int.MinValue, int.MaxValue, out var clientId)) return null;
        if (server is not [var host, var port] || !int.TryParse(port, out var portNumber)) return null;
        return new SecondaryLaunch(kind.Value, clientId, new ControllerEndpoint(host, portNumber));
    }

    private static string? Option(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? options[at + 1] : null;
    }
}
