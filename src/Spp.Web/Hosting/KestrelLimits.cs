using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Spp.Web.Hosting;

/// <summary>
/// Limits chosen so that slow, idle or greedy HTTP clients cannot exhaust the daemon. Bodies over 1 MiB are
/// answered by the API itself (<c>413 Request body too large.</c>); Kestrel's own bound only stops what is
/// far beyond it.
/// </summary>
public static class KestrelLimits
{
    public static void Apply(KestrelServerLimits limits, DaemonOptions options)
    {
        limits.MaxRequestBodySize = 2 * Http.BodyReader.MaxBodyBytes;
        limits.RequestHeadersTimeout = options.Limits.RequestHeadersTimeout;
        limits.KeepAliveTimeout = options.Limits.KeepAliveTimeout;
        limits.MaxConcurrentConnections = 4096;
        limits.MaxConcurrentUpgradedConnections = 64;
        limits.MaxRequestHeaderCount = 64;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestLineSize = 8 * 1024;
        limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
    }
}
