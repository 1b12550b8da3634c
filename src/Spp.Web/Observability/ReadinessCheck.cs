using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spp.Actors;
using Spp.Web.Hosting;

namespace Spp.Web.Observability;

/// <summary>
/// Ready once the host has started, which is when all three listeners are bound, and until it begins to stop, except
/// while an SPP port is being bound again after its listener stopped.
/// Reports how many processes are registered and whether the primary is one of them; without a primary the
/// controller still serves (secondaries, the listing) but SPP is degraded, so the status is <c>Degraded</c>.
/// </summary>
/// <param name="portsAccepting">Whether both SPP ports accept connections now (<see cref="SppPorts.Accepting"/>).</param>
public sealed class ReadinessCheck(IHostApplicationLifetime lifetime, ProcessDirectory directory, Func<bool> portsAccepting) : IHealthCheck
{
    public const string Name = "controller";
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = directory.Snapshot;
        var listening = lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            && portsAccepting();
        var data = new Dictionary<string, object>
        {
            ["listeners"] = listening ? "bound" : "not bound",
            ["processes"] = snapshot.All.Count(),
            ["primary"] = snapshot.Primary is not null,
        };
        var result = !listening
            ? HealthCheckResult.Unhealthy("listeners not bound", data: data)
            : snapshot.Primary is null
                ? HealthCheckResult.Degraded("no primary connected", data: data)
                : HealthCheckResult.Healthy("primary connected", data: data);
        return Task.FromResult(result);
    }
}
