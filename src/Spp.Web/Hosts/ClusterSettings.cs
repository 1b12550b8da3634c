using System.Net;

namespace Spp.Web.Hosts;

/// <summary>
/// Whether and how this daemon joins the controllers of other hosts as one Akka.Cluster. Without a
/// <see cref="Port"/> there is no cluster and the daemon serves its own host alone.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>This daemon's Akka.Remote port (<c>--cluster-port</c>); null: no cluster.</summary>
    public int? Port { get; init; }

    /// <summary>The address the cluster port is bound to and announced on; null: the daemon's bind address.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The members to join, as <c>host:port</c> (<c>--seed</c>); empty: this daemon starts a cluster of its own.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>This host's name in the API; null: the machine's host name.</summary>
    public string? HostName { get; init; }

    /// <summary>PKCS#12 certificate for TLS between members.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>Plain TCP between members over a non-loopback address (<c>--allow-insecure-cluster</c>).</summary>
    public bool AllowInsecure { get; init; }

    public bool Enabled => Port is not null;
}
