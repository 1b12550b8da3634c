using System.Collections.Immutable;
using System.Net;
using System.Reflection;
using Akka;
using Akka.Actor;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace Spp.Actors.Connections;

/// <summary>
/// Binds an SPP port with Akka.Streams TCP and hands every accepted connection to the registry, which starts the
/// actor that owns it. The port is unbound in CoordinatedShutdown's <c>service-stop</c> phase, after the registry has
/// drained: Akka.IO's connections are children of their listener, so unbinding closes every connection of the port.
/// Until then a newcomer is still accepted, and closed as soon as it is identified. A port whose listener stops is
/// bound again (<see cref="SppBinding"/>).
/// </summary>
public static class SppListener
{
    /// <summary>A padded reply is 32 KiB: the kernel's buffer holds one whole, so it is taken in one read.</summary>
    private const int SocketBufferBytes = 64 * 1024;

    /// <summary>Room for a restart storm of processes before accept catches up (Akka's default of 100 drops SYNs).</summary>
    private const int Backlog = 1024;
    private static readonly TimeSpan UnbindTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/> (0: any free port); the binding says which.</summary>
    public static async Task<SppBinding> BindAsync(ActorSystem system, IActorRef registry, SppPort kind, IPAddress address, int port)
    {
        EarlyAccepts.EnsureFor(system);
        var options = ImmutableList.Create<Inet.SocketOption>(
            new Inet.SO.ReceiveBufferSize(SocketBufferBytes),
            new Inet.SO.SendBufferSize(SocketBufferBytes));
        var binding = await SppBinding.BindAsync(system, kind.Name(), port, async number =>
        {
            var (bound, accepting) = Connections(system, address, number, options)
                .ToMaterialized(Sink.ForEach<StreamTcp.IncomingConnection>(c =>
                    registry.Tell(new ProcessRegistry.Incoming(c.Flow, c.RemoteAddress, kind))), Keep.Both)
                .Run(system.Materializer());
            return (await bound, accepting);
        });
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceStop, $"unbind-{kind.Name()}-port", async () =>
        {
            await binding.UnbindAsync();
            return Done.Instance;
        });
        return binding;
    }

    private static Source<StreamTcp.IncomingConnection, Task<StreamTcp.ServerBinding>> Connections(
        ActorSystem system, IPAddress address, int port, IImmutableList<Inet.SocketOption> options)
    {
        if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
            return system.TcpStream().Bind(address.ToString(), port, Backlog, options);
        // TcpExt.Bind resolves its host through DNS, which refuses the unspecified address; the stage it builds takes
        // an end point as it is.
        var stage = typeof(StreamTcp).Assembly.GetType("Akka.Streams.Implementation.IO.ConnectionSourceStage", throwOnError: true)!;
        var graph = Activator.CreateInstance(stage, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null,
            [system.Tcp(), new IPEndPoint(address, port), Backlog, options, false, null, UnbindTimeout], null);
        return Source.FromGraph((IGraph<SourceShape<StreamTcp.IncomingConnection>, Task<StreamTcp.ServerBinding>>)graph!);
    }
}
