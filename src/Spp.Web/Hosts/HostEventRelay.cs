using System.Text;
using Akka.Actor;
using Akka.Hosting;
using Spp.Actors.Events;
using Spp.Actors.Hosts;
using Spp.Web.Api;

namespace Spp.Web.Hosts;

/// <summary>
/// On a member of a cluster, follows this host's hub and hands each of its own process events, as its
/// <c>/v1/events</c> writes it, to <c>/user/hosts</c>, which sends it on to the other members. The <c>host-*</c>
/// events stay here (every member has its own), and so do the events that came from other hosts (this subscriber
/// does not receive them).
/// </summary>
public sealed class HostEventRelay(ProcessEvents events, HostDirectory directory, IRequiredActor<HostsActor> hosts, ILogger<HostEventRelay> logger)
    : BackgroundService
{
    /// <summary>Generous: the relay only serializes and tells, but a burst must not drop it.</summary>
    public const int Capacity = 4096;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            var actor = await hosts.GetAsync(stopping);
            while (true)
            {
                using var subscription = events.Subscribe(Capacity);
                await foreach (var e in subscription.Reader.ReadAllAsync(stopping))
                {
                    if (e is ProcessEvent.HostChange) continue;
                    actor.Tell(new HostEvent(directory.Self, EventJson.Name(e), Encoding.UTF8.GetString(EventJson.Data(e))), ActorRefs.NoSender);
                }
                // Ended without the drop mark: the controller is stopping.
                if (!subscription.Dropped) return;
                logger.LogWarning("Fell {Capacity} events behind this host's events: some were not sent to the other hosts", Capacity);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
