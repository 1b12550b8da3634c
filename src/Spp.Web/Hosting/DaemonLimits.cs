namespace Spp.Web.Hosting;

/// <summary>Bounds on the REST API listener (the process listeners are not limited: SPP processes are few).</summary>
public sealed record DaemonLimits
{
    /// <summary>REST API connections open at once; 0 means no limit.</summary>
    public int MaxApiConnections { get; init; }

    /// <summary>How long an idle keep-alive HTTP connection stays open.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(130);

    /// <summary>How long a client may take to send the request headers.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
