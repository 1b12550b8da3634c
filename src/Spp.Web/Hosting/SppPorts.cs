using System.Net;
using Akka.Actor;
using Akka.Hosting;
using Spp.Actors;
using Spp.Actors.Connections;

namespace Spp.Web.Hosting;

/// <summary>
/// Binds the primary and the secondary port once the actor system is up (their connections go to the registry);
/// CoordinatedShutdown unbinds them. Ports of 0 are chosen by the system: the properties say which.
/// </summary>
public sealed class SppPorts(ActorSystem system, IRequiredActor<ProcessRegistry> registry, DaemonOptions options) : IHostedService
{
    private SppBinding? primary;
    private SppBinding? secondary;

    public int PrimaryPort => primary?.Port ?? 0;

    public int SecondaryPort => secondary?.Port ?? 0;

    /// <summary>Both ports bound and accepting (false while one is being bound again after its listener stopped).</summary>
    public bool Accepting => primary?.IsAccepting == true && secondary?.IsAccepting == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        primary = await BindAsync(SppPort.Primary, "primary port", options.PrimaryPort);
        secondary = await BindAsync(SppPort.Secondary, "secondary port", options.SecondaryPort);
    }

    private async Task<SppBinding> BindAsync(SppPort kind, string listener, int port)
    {
        try
        {
            return await SppListener.BindAsync(system, registry.ActorRef, kind, options.BindAddress, port);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ListenerException(listener, new IPEndPoint(options.BindAddress, port), e.InnerException?.Message ?? e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
