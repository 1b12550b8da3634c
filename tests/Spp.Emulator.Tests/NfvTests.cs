using System.Text;

namespace Spp.Emulator.Tests;

public sealed class NfvTests : IAsyncLifetime
{
    private readonly FakeController _controller = new();
    private EmulatedProcess _nfv = null!;
    private ControllerConnection _connection = null!;

    public async Task InitializeAsync() => (_nfv, _connection) = await _controller.StartAsync(EmulatedKind.Nfv, clientId: 7);

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _nfv.DisposeAsync();
        await _controller.DisposeAsync();
    }

    [Fact]
    public async Task Handshake_reply_is_compact_json_with_process_type_padded_to_32768_bytes()
    {
        Assert.Equal(
            """{"results":[{"result":"success"}],"client_id":7,"process_type":"nfv"}""",
            await _connection.PaddedAsync("_get_client_id"));
    }

    [Fact]
    public async Task Status_lists_the_nics_and_every_lcore()
    {
        Assert.Equal(
            """{"client-id":7,"status":"idling","master-lcore":1,"lcores":[1,2,3,4,5],"ports":["phy:0","phy:1"],"patches":[]}""",
            await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Add_forward_and_patch_show_in_status()
    {
        Assert.Equal("""{"result":"succeeded","command":"add","port":"ring:0"}""", await _connection.PaddedAsync("add ring:0"));
        Assert.Equal("""{"result":"succeeded","command":"add","port":"vhost:1"}""", await _connection.PaddedAsync("add vhost:1"));
        Assert.Equal("""{"result":"succeeded","command":"forward"}""", await _connection.PaddedAsync("forward"));
        Assert.Equal(
            """{"result":"succeeded","command":"patch","ports":{"src":"phy:0","dst":"ring:0"}}""",
            await _connection.PaddedAsync("patch phy:0 ring:0"));
        await _connection.PaddedAsync("patch ring:0 vhost:1");

        Assert.Equal(
            """{"client-id":7,"status":"running","master-lcore":1,"lcores":[1,2,3,4,5],"ports":["phy:0","phy:1","ring:0","vhost:1"]""" +
            ""","patches":[{"src":"phy:0","dst":"ring:0"},{"src":"ring:0","dst":"vhost:1"}]}""",
            await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Add_of_a_ring_beyond_the_ring_count_fails()
    {
        Assert.Equal("""{"result":"failed","command":"add","port":"ring:4"}""", await _connection.PaddedAsync("add ring:4"));
    }

    [Fact]
    public async Task Del_stops_forwarding_even_when_it_fails()
    {
        await _connection.PaddedAsync("forward");

        Assert.Equal("""{"result":"failed","command":"del","port":"ring:2"}""", await _connection.PaddedAsync("del ring:2"));
        Assert.Contains(""","status":"idling",""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Del_removes_the_port()
    {
        await _connection.PaddedAsync("add ring:1");

        Assert.Equal("""{"result":"succeeded","command":"del","port":"ring:1"}""", await _connection.PaddedAsync("del ring:1"));
        Assert.Contains(""","ports":["phy:0","phy:1"],""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Patch_echoes_the_request_tokens_verbatim()
    {
        Assert.Equal(
            """{"result":"succeeded","command":"patch","ports":{"src":"phy:01","dst":"phy:1nq0"}}""",
            await _connection.PaddedAsync("patch phy:01 phy:1nq0"));
        Assert.Equal(
            """{"result":"failed","command":"patch","ports":{"src":"phy:0","dst":"vhost:3"}}""",
            await _connection.PaddedAsync("patch phy:0 vhost:3"));
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
    public async Task Set_client_id_changes_the_handshake_and_status()
    {
        Assert.Equal("""{"result":"succeeded","command":"_set_client_id"}""", await _connection.PaddedAsync("_set_client_id 9"));
        Assert.Equal("""{"result":"failed","command":"_set_client_id"}""", await _connection.PaddedAsync("_set_client_id x"));

        Assert.Contains(""","client_id":9,""", await _connection.PaddedAsync("_get_client_id"));
        Assert.StartsWith("""{"client-id":9,""", await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Del_of_a_phy_port_crashes_the_process_without_reply()
    {
        await _connection.SendAsync("del phy:0");

        Assert.Empty(await _connection.ReadUntilClosedAsync());
        await _nfv.WaitUntilAsync(p => p.HasExited, TestOptions.Wait);
    }

    [Fact]
    public async Task Exit_replies_then_closes_at_once()
    {
        await _connection.SendAsync("exit");

        var bytes = await _connection.ReadUntilClosedAsync();

        Assert.Equal(ControllerConnection.BlockSize, bytes.Length);
        Assert.StartsWith("""{"result":"succeeded","command":"exit"}""" + "\0", Encoding.ASCII.GetString(bytes));
        await _nfv.WaitUntilAsync(p => p.HasExited, TestOptions.Wait);
    }
}
