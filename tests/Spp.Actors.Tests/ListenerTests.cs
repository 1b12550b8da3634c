using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Spp.Actors.Connections;

namespace Spp.Actors.Tests;

/// <summary>The SPP ports hand every connection the kernel accepts to the registry, whenever it arrives.</summary>
public sealed class ListenerTests() : TestKit("akka.loglevel = WARNING")
{
    private const int Attempts = 40;
    private const int Processes = 32;

    /// <summary>SPP processes retry every few milliseconds while the controller is down: some land as the port opens.</summary>
    [Fact]
    public async Task A_process_that_connects_while_the_port_is_being_bound_is_handed_to_the_registry()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var registry = CreateTestProbe();
            var port = UnusedPort();
            var processes = Enumerable.Range(0, Processes).Select(_ => ConnectAsSoonAsOpenAsync(port)).ToList();

            var binding = await SppListener.BindAsync(Sys, registry.Ref, SppPort.Primary, IPAddress.Loopback, port);

            var connected = await Task.WhenAll(processes);
            var handed = new List<EndPoint?>();
            for (var i = 0; i < Processes; i++)
                handed.Add((await registry.ExpectMsgAsync<ProcessRegistry.Incoming>(TimeSpan.FromSeconds(5))).Peer);
            Assert.Equal(connected.Select(c => c.LocalEndPoint!.ToString()).Order(), handed.Select(e => e?.ToString()).Order());
            foreach (var socket in connected) socket.Dispose();
            _ = binding.UnbindAsync();
        }
    }

    [Fact]
    public async Task A_port_whose_listener_stops_is_bound_again_and_hands_over_the_next_connection()
    {
        var registry = CreateTestProbe();
        var binding = await SppListener.BindAsync(Sys, registry.Ref, SppPort.Primary, IPAddress.Loopback, 0);

        Sys.ActorSelection("/system/IO-TCP/tcp-listener-*").Tell(PoisonPill.Instance);

        await AwaitConditionAsync(() => Task.FromResult(!binding.IsAccepting), TimeSpan.FromSeconds(10));
        using var process = await ConnectAsSoonAsOpenAsync(binding.Port);
        var incoming = await registry.ExpectMsgAsync<ProcessRegistry.Incoming>(TimeSpan.FromSeconds(10));
        Assert.Equal(process.LocalEndPoint!.ToString(), incoming.Peer?.ToString());
        await AwaitConditionAsync(() => Task.FromResult(binding.IsAccepting), TimeSpan.FromSeconds(10));
    }

    private static int UnusedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static Task<Socket> ConnectAsSoonAsOpenAsync(int port) => Task.Run(async () =>
    {
        while (true)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return socket;
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
    });
}
