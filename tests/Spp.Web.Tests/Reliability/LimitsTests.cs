using System.Net.Sockets;
using System.Text;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>Slow, idle or flooding clients cannot exhaust the daemon.</summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() =>
        controller = await Controller.StartAsync(tune: o => o with { Limits = o.Limits with { RequestHeadersTimeout = TimeSpan.FromSeconds(1) } });

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private static async Task<Socket> OpenAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", port);
        return socket;
    }

    /// <summary>A connection, or null if the daemon closed it before the connect completed.</summary>
    private static async Task<Socket?> TryOpenAsync(int port)
    {
        try
        {
            return await OpenAsync(port);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static async Task<bool> ClosedWithinAsync(Socket socket, TimeSpan within)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(within) > 0)
            {
            }
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    [Fact]
    public async Task Hundreds_of_idle_http_connections_do_not_block_the_api()
    {
        var idle = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => OpenAsync(controller.Daemon.ApiPort)));
        try
        {
            await Expect.JsonAsync(await controller.GetAsync("/v1/processes"));
        }
        finally
        {
            foreach (var socket in idle) socket.Dispose();
        }
    }

    [Fact]
    public async Task A_client_that_sends_its_headers_too_slowly_is_cut_off()
    {
        using var slow = await OpenAsync(controller.Daemon.ApiPort);
        await slow.SendAsync(Encoding.ASCII.GetBytes("GET /v1/processes HTTP/1.1\r\nHost: x\r\n"));
        Assert.True(await ClosedWithinAsync(slow, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_flood_of_silent_connections_on_the_secondary_port_is_bounded_and_logged()
    {
        var flood = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => TryOpenAsync(controller.Daemon.SecondaryPort)));
        try
        {
            var closedAtOnce = await Task.WhenAll(flood.Select(s => s is null ? Task.FromResult(true) : ClosedWithinAsync(s, TimeSpan.FromSeconds(2))));
            Assert.InRange(closedAtOnce.Count(c => c), 300 - 256, 300 - 200);
            Assert.Contains(controller.Logs.Events, e => e.RenderMessage().Contains("newcomers being identified"));
        }
        finally
        {
            foreach (var socket in flood) socket?.Dispose();
        }
    }
}
