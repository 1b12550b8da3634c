using Akka.Actor;
using Akka.Event;

namespace Spp.Actors.Connections;

/// <summary>
/// Akka.IO's TCP listener starts accepting while it binds, before it takes its own <c>Bound</c> message, and drops
/// a connection accepted in that moment as unhandled: the socket stays open with nobody reading it, and an SPP process
/// that was retrying while the controller restarted waits on it for good. This actor, one per actor system, hands
/// every such accept back to its listener, which takes it once bound.
/// </summary>
public sealed class EarlyAccepts : ReceiveActor
{
    private static readonly Type AcceptCompleted =
        typeof(Akka.IO.Tcp).Assembly.GetType("Akka.IO.TcpListener+AcceptCompleted", throwOnError: true)!;

    public EarlyAccepts()
    {
        var log = Context.GetLogger();
        Receive<UnhandledMessage>(u => u.Message.GetType() == AcceptCompleted, unhandled =>
        {
            log.Debug("A connection accepted before {0} was bound is handed back to it", unhandled.Recipient.Path);
            unhandled.Recipient.Tell(unhandled.Message, unhandled.Sender);
        });
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));

    /// <summary>Starts the actor the first time a port of <paramref name="system"/> is bound.</summary>
    public static void EnsureFor(ActorSystem system) => system.WithExtension<Started, Started.Provider>();

    private sealed class Started : IExtension
    {
        private Started(ExtendedActorSystem system) => system.SystemActorOf(Props.Create<EarlyAccepts>(), "spp-early-accepts");

        public sealed class Provider : ExtensionIdProvider<Started>
        {
            public override Started CreateExtension(ExtendedActorSystem system) => new(system);
        }
    }
}
