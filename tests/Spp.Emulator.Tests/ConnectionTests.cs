using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Spp.Emulator.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Connect_is_retried_while_the_controller_is_absent()
    {
        var port = FreePort();
        var log = new ConcurrentQueue<string>();
        await using var vf = EmulatedProcess.Start(
            EmulatedKind.Vf, 2, new ControllerEndpoint("127.0.0.1", port), TestOptions.Fast with { Log = log.Enqueue });
        await vf.WaitUntilAsync(_ => log.Count(l => l.Contains("cannot connect")) >= 2, TestOptions.Wait);

        await using var controller = new FakeController(port);
        using var connection = await controller.AcceptAsync();

        Assert.Contains("\"client_id\": 2", await connection.StreamAsync("_get_client_id"));
        Assert.Equal(1, vf.ConnectionCount);
    }

    [Fact]
    public async Task After_the_controller_closes_the_connection_the_process_reconnects_with_its_state()
    {
        await using var controller = new FakeController();
        var (vf, first) = await controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        await first.StreamAsync("component start fwd1 2 forward");

        first.Dispose();
        using var second = await controller.AcceptAsync();

        Assert.Contains("\"name\": \"fwd1\"", await second.StreamAsync("status"));
        Assert.Equal(2, vf.ConnectionCount);
    }

    [Fact]
    public async Task Nothing_is_sent_on_a_new_connection()
    {
        await using var controller = new FakeController();
        var (nfv, first) = await controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;

        first.Dispose();
        using var second = await controller.AcceptAsync();

        Assert.True(await second.StaysSilentAsync(TestOptions.Silence));
    }

    [Fact]
    public async Task Disconnect_drops_the_connection_and_the_process_comes_back()
    {
        await using var controller = new FakeController();
        var (nfv, first) = await controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;
        using var __ = first;
        await first.PaddedAsync("add ring:0");

        await nfv.DisconnectAsync();

        Assert.Empty(await first.ReadUntilClosedAsync());
        using var second = await controller.AcceptAsync();
        Assert.Contains("\"ring:0\"", await second.PaddedAsync("status"));
        Assert.True(nfv.IsConnected);
    }

    [Fact]
    public async Task A_request_split_across_two_reads_is_two_requests()
    {
        await using var controller = new FakeController();
        var (primary, connection) = await controller.StartAsync(EmulatedKind.Primary);
        await using var _ = primary;
        using var __ = connection;

        await connection.SendAsync("sta");
        await primary.WaitUntilAsync(p => p.CommandCount("sta") == 1, TestOptions.Wait);
        await connection.SendAsync("tus");

        Assert.Equal("sta", await connection.ReadPaddedAsync());
        Assert.Equal("tus", await connection.ReadPaddedAsync());
    }

    [Fact]
    public async Task Requests_that_arrive_together_are_read_as_one()
    {
        await using var controller = new FakeController();
        var (primary, connection) = await controller.StartAsync(EmulatedKind.Primary);
        await using var _ = primary;
        using var __ = connection;
        primary.Faults.ReplyDelay = TimeSpan.FromMilliseconds(300);

        await connection.SendAsync("clear");
        await primary.WaitUntilAsync(p => p.CommandCount("clear") == 1, TestOptions.Wait);
        await connection.SendAsync("forward");
        await connection.SendAsync("stop");
        await connection.ReadPaddedAsync();

        Assert.Equal("forwardstop", await connection.ReadPaddedAsync());
        Assert.Equal(["clear", "forwardstop"], primary.ReceivedCommands);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
