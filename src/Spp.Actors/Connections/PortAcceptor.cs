using System.Net;
using Akka;
using Akka.Actor;
using Akka.IO;
using Akka.Streams.Dsl;
using Akka.Streams.Implementation.Fusing;
using Akka.Streams.Implementation.IO;
using Tcp = Akka.IO.Tcp;

namespace Spp.Actors.Connections;

/// <summary>
/// The bind handler of one SPP port's Akka.IO listener: it binds, and hands every connection the listener accepts to
/// the registry as an Akka.Streams TCP flow, the one Akka.Streams' own binding would build. It stands in for that
/// binding because Akka.IO's connections watch their bind handler, and the binding's handler is a function ref that
/// never forgets a watcher (Akka.NET 1.5.75): every connection ever accepted, and the stream it had, stayed in memory.
/// It stops when the listener stops, or once it is unbound.
/// </summary>
public sealed class PortAcceptor : ReceiveActor
{
    /// <summary>Unbinds the port; answered with <see cref="Done"/> once the listener is gone.</summary>
    public sealed record Unbind
    {
        public static readonly Unbind Instance = new();
    }

    private readonly TaskCompletionSource<EndPoint> bound;
    private readonly TaskCompletionSource ended;
    private IActorRef? listener;
    private IActorRef? unbinder;

    public PortAcceptor(BindRequest request, IActorRef registry, SppPort port, TaskCompletionSource<EndPoint> bound, TaskCompletionSource ended)
    {
        this.bound = bound;
        this.ended = ended;
        Receive<Tcp.Bound>(b =>
        {
            listener = Sender;
            Context.Watch(listener);
            bound.TrySetResult(b.LocalAddress);
        });
        Receive<Tcp.CommandFailed>(failed =>
        {
            bound.TrySetException(failed.Cause.HasValue ? failed.Cause.Value : new IOException(failed.CauseString));
            Context.Stop(Self);
        });
        Receive<Tcp.Connected>(connected =>
        {
            var flow = Flow.FromGraph(new IncomingConnectionStage(Sender, connected.RemoteAddress, halfClose: false))
                .Via(new Detacher<ByteString>());
            registry.Tell(new ProcessRegistry.Incoming(flow, connected.RemoteAddress, port));
        });
        Receive<Unbind>(_ =>
        {
            unbinder = Sender;
            if (listener is null) Context.Stop(Self);
            else listener.Tell(Tcp.Unbind.Instance);
        });
        Receive<Tcp.Unbound>(_ => Context.Stop(Self));
        Receive<Terminated>(t => t.ActorRef.Equals(listener), _ => Context.Stop(Self));
        // Pull mode, as Akka.Streams binds: each connection reads only when its stream asks for more.
        Context.System.Tcp().Tell(new Tcp.Bind(Self, request.Endpoint, request.Backlog, request.Options, pullMode: true));
    }

    /// <summary>Where and how to listen.</summary>
    public sealed record BindRequest(IPEndPoint Endpoint, int Backlog, IReadOnlyList<Inet.SocketOption> Options);

    public static Props Props(BindRequest request, IActorRef registry, SppPort port, TaskCompletionSource<EndPoint> bound, TaskCompletionSource ended) =>
        Akka.Actor.Props.Create(() => new PortAcceptor(request, registry, port, bound, ended));

    protected override void PostStop()
    {
        bound.TrySetException(new IOException("the listener stopped before it was bound"));
        unbinder?.Tell(Done.Instance);
        ended.TrySetResult();
    }
}
