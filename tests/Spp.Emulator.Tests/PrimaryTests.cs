using System.Text;

namespace Spp.Emulator.Tests;

public sealed class PrimaryTests : IAsyncLifetime
{
    private const string NicsIdle =
        ""","phy_ports":[{"id":0,"eth":"56:48:4f:53:54:00","rx":0,"tx":0,"tx_drop":0,"nof_queues":{"rx":1,"tx":1},"flow":[]}""" +
        """,{"id":1,"eth":"56:48:4f:53:54:01","rx":0,"tx":0,"tx_drop":0,"nof_queues":{"rx":1,"tx":1},"flow":[]}]""";

    private const string Rings =
        ""","ring_ports":[{"id":0,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0},{"id":1,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0}""" +
        """,{"id":2,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0},{"id":3,"rx":0,"rx_drop":0,"tx":0,"tx_drop":0}]""";

    private readonly FakeController _controller = new();
    private EmulatedProcess _primary = null!;
    private ControllerConnection _connection = null!;

    public async Task InitializeAsync() => (_primary, _connection) = await _controller.StartAsync(EmulatedKind.Primary);

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _primary.DisposeAsync();
        await _controller.DisposeAsync();
    }

    [Fact]
    public async Task Status_is_compact_json_padded_to_32768_bytes()
    {
        var status = await _connection.PaddedAsync("status");

        Assert.Equal(
            """{"master-lcore":0,"lcores":[0,1],"forwarder":{"status":"idling","ports":["phy:0","phy:1"],"patches":[]}""" +
            NicsIdle + Rings + ""","pipes":[]}""",
            status);
    }

    [Fact]
    public async Task Nothing_is_sent_on_connect()
    {
        Assert.True(await _connection.StaysSilentAsync(TestOptions.Silence));
    }

    [Fact]
    public async Task Add_registers_the_port_in_the_forwarder()
    {
        Assert.Equal("""{"result":"succeeded","command":"add","port":"ring:0"}""", await _connection.PaddedAsync("add ring:0"));
        Assert.Equal("""{"result":"succeeded","command":"add","port":"vhost:1"}""", await _connection.PaddedAsync("add vhost:01"));

        Assert.Contains(""","ports":["phy:0","phy:1","ring:0","vhost:1"]""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Add_of_a_ring_beyond_the_ring_count_fails()
    {
        Assert.Equal("""{"result":"failed","command":"add","port":"ring:4"}""", await _connection.PaddedAsync("add ring:4"));
    }

    [Fact]
    public async Task Add_of_an_existing_null_device_fails_but_an_existing_ring_is_reused()
    {
        await _connection.PaddedAsync("add nullpmd:0");
        await _connection.PaddedAsync("add ring:1");

        Assert.Equal("""{"result":"failed","command":"add","port":"nullpmd:0"}""", await _connection.PaddedAsync("add nullpmd:0"));
        Assert.Equal("""{"result":"succeeded","command":"add","port":"ring:1"}""", await _connection.PaddedAsync("add ring:1"));
    }

    [Fact]
    public async Task Add_pipe_lists_it_in_pipes_and_needs_both_rings()
    {
        Assert.Equal("""{"result":"failed","command":"add","port":"pipe:0"}""", await _connection.PaddedAsync("add pipe:0 ring:0"));
        Assert.Equal("""{"result":"succeeded","command":"add","port":"pipe:0"}""", await _connection.PaddedAsync("add pipe:0 ring:0 ring:1"));

        var status = await _connection.PaddedAsync("status");
        Assert.Contains(""","ports":["phy:0","phy:1","pipe:0"]""", status);
        Assert.EndsWith(""","pipes":[{"id":0,"rx":0,"tx":1}]}""", status);
    }

    [Fact]
    public async Task Del_of_an_unknown_port_fails()
    {
        Assert.Equal("""{"result":"failed","command":"del","port":"vhost:3"}""", await _connection.PaddedAsync("del vhost:3"));
    }

    [Fact]
    public async Task Del_removes_the_port_and_its_patches()
    {
        await _connection.PaddedAsync("add ring:0");
        await _connection.PaddedAsync("patch phy:0 ring:0");

        Assert.Equal("""{"result":"succeeded","command":"del","port":"ring:0"}""", await _connection.PaddedAsync("del ring:0"));
        Assert.Contains(""","forwarder":{"status":"idling","ports":["phy:0","phy:1"],"patches":[]}""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Patch_sets_a_destination_shown_in_forwarder_patches()
    {
        await _connection.PaddedAsync("add ring:0");

        Assert.Equal(
            """{"result":"succeeded","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""",
            await _connection.PaddedAsync("patch phy:0 ring:0"));
        Assert.Contains(""","patches":[{"src":"phy:0","dst":"ring:0"}]""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Patch_of_unknown_ports_fails()
    {
        Assert.Equal(
            """{"result":"failed","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""",
            await _connection.PaddedAsync("patch phy:0 ring:0"));
    }

    [Fact]
    public async Task Patch_reset_is_answered_with_the_tokenised_request()
    {
        var block = await _connection.BlockAsync("patch reset");

        var expected = new byte[ControllerConnection.BlockSize];
        Encoding.ASCII.GetBytes("patch\0reset").CopyTo(expected, 0);
        Assert.Equal(expected, block);
    }

    [Fact]
    public async Task Patch_reset_clears_every_destination()
    {
        await _connection.PaddedAsync("patch phy:0 phy:1");
        await _connection.BlockAsync("patch reset");

        Assert.Contains(""","patches":[]""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Unknown_command_is_echoed_with_each_separating_space_replaced_by_nul()
    {
        var block = await _connection.BlockAsync("hello  big world");

        var expected = new byte[ControllerConnection.BlockSize];
        Encoding.ASCII.GetBytes("hello\0 big\0world").CopyTo(expected, 0);
        Assert.Equal(expected, block);
    }

    [Fact]
    public async Task Echo_keeps_request_bytes_after_a_nul_as_they_came()
    {
        var block = await _connection.BlockAsync("hi there\0x y");

        var expected = new byte[ControllerConnection.BlockSize];
        Encoding.ASCII.GetBytes("hi\0there\0x y").CopyTo(expected, 0);
        Assert.Equal(expected, block);
    }

    [Fact]
    public async Task Forward_and_stop_switch_the_forwarder_status()
    {
        Assert.Equal("""{"result":"succeeded","command":"forward"}""", await _connection.PaddedAsync("forward"));
        Assert.Contains(""","forwarder":{"status":"running",""", await _connection.PaddedAsync("status"));

        Assert.Equal("""{"result":"succeeded","command":"stop"}""", await _connection.PaddedAsync("stop"));
        Assert.Contains(""","forwarder":{"status":"idling",""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Clear_and_launch_succeed()
    {
        Assert.Equal("""{"result":"succeeded","command":"clear"}""", await _connection.PaddedAsync("clear"));
        Assert.Equal(
            """{"result":"succeeded","command":"launch"}""",
            await _connection.PaddedAsync("launch 1 spp_nfv -l 1,2 --proc-type secondary -- -n 1 -s 127.0.0.1:6666"));
    }

    [Fact]
    public async Task Exit_replies_then_closes_at_once_and_never_reconnects()
    {
        await _connection.SendAsync("exit");

        var bytes = await _connection.ReadUntilClosedAsync();

        Assert.Equal(ControllerConnection.BlockSize, bytes.Length);
        Assert.StartsWith("""{"result":"succeeded","command":"exit"}""" + "\0", Encoding.ASCII.GetString(bytes));
        await _primary.WaitUntilAsync(p => p.HasExited, TestOptions.Wait);
        Assert.Equal(1, _primary.ConnectionCount);
    }

    [Fact]
    public async Task Malformed_uid_in_add_is_echoed_and_the_process_terminates()
    {
        await _connection.SendAsync("add ring:x");

        var bytes = await _connection.ReadUntilClosedAsync();

        var expected = new byte[ControllerConnection.BlockSize];
        Encoding.ASCII.GetBytes("add\0ring\0x").CopyTo(expected, 0);
        Assert.Equal(expected, bytes);
        await _primary.WaitUntilAsync(p => p.HasExited, TestOptions.Wait);
    }

    [Fact]
    public async Task Received_commands_are_recorded_in_order()
    {
        await _connection.PaddedAsync("status");
        await _connection.PaddedAsync("clear");
        await _connection.PaddedAsync("status");

        Assert.Equal(["status", "clear", "status"], _primary.ReceivedCommands);
        Assert.Equal(2, _primary.CommandCount("status"));
    }
}
