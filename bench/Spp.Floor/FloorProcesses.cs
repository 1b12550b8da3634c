using Akka.Actor;
using Akka.Streams;
using Tcp = Akka.Streams.Dsl.Tcp;

namespace Spp.Floor;

/// <summary>Owns one actor per connection, ids in the order they connected (1, 2, ...).</summary>
internal sealed class FloorProcesses : ReceiveActor
{
    private readonly Dictionary<int, IActorRef> byId = [];

    public FloorProcesses()
    {
        var materializer = Context.Materializer();
        Receive<Tcp.IncomingConnection>(connection => byId[byId.Count + 1] = Context.ActorOf(Props.Create(() => new FloorProcess(connection, materializer))));
        Receive<Status>(status =>
        {
            if (byId.TryGetValue(status.Id, out var process)) process.Forward(status);
            else Sender.Tell(new Akka.Actor.Status.Failure(new KeyNotFoundException($"no process {status.Id}")));
        });
    }
}
