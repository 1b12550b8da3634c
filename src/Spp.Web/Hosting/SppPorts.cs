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
    public int PrimaryPort { get; private set; }

    public int SecondaryPort { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        PrimaryPort = await BindAsync(SppPort.Primary, "primary port", options.PrimaryPort);
        SecondaryPort = await BindAsync(SppPort.Secondary, "secondary port", options.SecondaryPort);
    }

    private async Task<int> BindAsync(SppPort kind, string listener, int port)
    {
        try
        {
            var binding = await SppListener.BindAsync(system, registry.ActorRef, kind, options.BindAddress, port);
            return ((IPEndPoint)binding.LocalAddress).Port;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ListenerException(listener, new IPEndPoint(options.BindAddress, port), e.InnerException?.Message ?? e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
