using System.Net;
using Akka;
using Akka.Actor;
using Akka.IO;

namespace Spp.Actors.Connections;

/// <summary>
/// Binds an SPP port with Akka.IO (<see cref="PortAcceptor"/>) and hands every accepted connection to the registry, as
/// an Akka.Streams TCP flow, which starts the actor that owns it. The port is unbound in CoordinatedShutdown's
/// <c>service-stop</c> phase, after the registry has drained: Akka.IO's connections are children of their listener,
/// so unbinding closes every connection of the port.
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
        Inet.SocketOption[] options = [new Inet.SO.ReceiveBufferSize(SocketBufferBytes), new Inet.SO.SendBufferSize(SocketBufferBytes)];
        var binding = await SppBinding.BindAsync(system, kind.Name(), port, async number =>
        {
            var bound = new TaskCompletionSource<EndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var request = new PortAcceptor.BindRequest(new IPEndPoint(address, number), Backlog, options);
            var acceptor = system.ActorOf(PortAcceptor.Props(request, registry, kind, bound, ended));
            var local = (IPEndPoint)await bound.Task;
            return new SppBinding.Bound(local.Port, ended.Task, () => acceptor.Ask<Done>(PortAcceptor.Unbind.Instance, UnbindTimeout));
        });
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceStop, $"unbind-{kind.Name()}-port", async () =>
        {
            await binding.UnbindAsync();
            return Done.Instance;
        });
        return binding;
    }
}
