using System.Net;
using System.Security.Cryptography;
using System.Text;
using Spp.Web.Hosting;

namespace Spp.Web.Access;

/// <summary><c>viewer</c> may only GET; <c>operator</c> may do everything.</summary>
public enum AccessRole
{
    Viewer,
    Operator,
}

/// <summary>One configured bearer token: who holds it and what it may do. Only the token's hash is kept.</summary>
public sealed record AccessToken(string Name, byte[] TokenHash, AccessRole Role)
{
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>
/// The <c>Access</c> configuration section:
/// <c>Access:Tokens</c>, a list of <c>{Name, Token, Role}</c> (access control is on when it is not empty), and
/// <c>Access:ProcessPeers</c>, the addresses or networks (<c>10.0.0.0/24</c>) SPP processes may connect from.
/// </summary>
public sealed record AccessSettings(IReadOnlyList<AccessToken> Tokens, IReadOnlyList<IPNetwork> ProcessPeers)
{
    public const int MinTokenLength = 16;

    public static readonly AccessSettings Open = new([], []);

    public bool Enabled => Tokens.Count > 0;

    /// <summary>Reads the section; a bad entry is a <see cref="StartRefusedException"/> naming its key.</summary>
    public static AccessSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Access");
        var tokens = new List<AccessToken>();
        foreach (var entry in section.GetSection("Tokens").GetChildren())
        {
            var name = entry["Name"];
            var token = entry["Token"];
            var role = entry["Role"];
            if (name is null || !OperatorName.IsValid(name))
                throw new StartRefusedException($"{entry.Path}:Name must be {OperatorName.Rule}");
            if (token is null || token.Length < MinTokenLength || token.Any(c => c <= ' ' || c > '~'))
                throw new StartRefusedException($"{entry.Path}:Token must be at least {MinTokenLength} printable ASCII characters without spaces");
            var accessRole = role switch
            {
                "viewer" => AccessRole.Viewer,
                "operator" => AccessRole.Operator,
                _ => throw new StartRefusedException($"{entry.Path}:Role must be viewer or operator, not '{role}'"),
            };
            var hash = AccessToken.Hash(token);
            if (tokens.Any(t => t.TokenHash.AsSpan().SequenceEqual(hash)))
                throw new StartRefusedException($"{entry.Path}:Token is the same as an earlier token");
            if (tokens.Any(t => t.Name == name))
                throw new StartRefusedException($"{entry.Path}:Name '{name}' is used by an earlier token");
            tokens.Add(new AccessToken(name, hash, accessRole));
        }

        var peers = new List<IPNetwork>();
        foreach (var entry in section.GetSection("ProcessPeers").GetChildren())
            peers.Add(Network(entry.Path, entry.Value));
        return new AccessSettings(tokens, peers);
    }

    private static IPNetwork Network(string key, string? text)
    {
        if (text is not null && IPAddress.TryParse(text, out var address) && !text.Contains('/'))
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }
        return text is not null && IPNetwork.TryParse(text, out var network)
            ? network
            : throw new StartRefusedException($"{key} must be an IP address or a network such as 10.0.0.0/24, not '{text}'");
    }
}
