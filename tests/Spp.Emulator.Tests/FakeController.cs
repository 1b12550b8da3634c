using System.Net;
using System.Net.Sockets;

namespace Spp.Emulator.Tests;

/// <summary>The controller side of the wire: a loopback listener the emulated processes connect to.</summary>
internal sealed class FakeController : IAsyncDisposable
{
    private readonly TcpListener _listener;

    public FakeController(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
    }

    public ControllerEndpoint Endpoint => new("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port);

    public async Task<ControllerConnection> AcceptAsync()
    {
        using var timeout = new CancellationTokenSource(ControllerConnection.Timeout);
        return new ControllerConnection(await _listener.AcceptSocketAsync(timeout.Token));
    }

    /// <summary>Starts a process of <paramref name="kind"/> against this controller and accepts its connection.</summary>
    public async Task<(EmulatedProcess Process, ControllerConnection Connection)> StartAsync(
        EmulatedKind kind, int clientId = 1, EmulatorOptions? options = null)
    {
        var process = EmulatedProcess.Start(kind, clientId, Endpoint, options ?? TestOptions.Fast);
        return (process, await AcceptAsync());
    }

    public ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
