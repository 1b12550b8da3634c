using System.Net;

namespace Spp.Web.Hosting;

/// <summary>What the daemon listens on and how patient it is with processes (rest-api.md 1.1).</summary>
public sealed record DaemonOptions
{
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;
    public int PrimaryPort { get; init; } = 5555;
    public int SecondaryPort { get; init; } = 6666;
    public int ApiPort { get; init; } = 7777;
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a newcomer on the secondary port has to answer <c>_get_client_id</c>.</summary>
    public TimeSpan IdentificationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>HTTPS for the REST API (off without a certificate).</summary>
    public TlsSettings Tls { get; init; } = new();

    /// <summary>The cluster of hosts this daemon belongs to (none by default).</summary>
    public Hosts.ClusterSettings Cluster { get; init; } = new();

    /// <summary>Bounds on the REST API's connections.</summary>
    public DaemonLimits Limits { get; init; } = new();

    /// <summary>Where and how the daemon logs (used by the program that builds the logger).</summary>
    public LogSettings Log { get; init; } = new();

    /// <summary>Where the kernel's sysfs is mounted, for <c>GET /v1/cpu_layout</c>.</summary>
    public string SysfsRoot { get; init; } = Machine.CpuTopology.DefaultSysfsRoot;

    /// <summary>Also start emulated processes: a primary and one secondary of each type.</summary>
    public bool Demo { get; init; }

    /// <summary>Serve the API on a non-loopback address even without access tokens (<c>--allow-anonymous</c>).</summary>
    public bool AllowAnonymous { get; init; }
}
