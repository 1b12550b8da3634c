namespace Spp.Emulator.Tests;

public sealed class MirrorTests : IAsyncLifetime
{
    private const string Success = """{ "results": [ { "result": "success" } ] }""";

    private readonly FakeController _controller = new();
    private EmulatedProcess _mirror = null!;
    private ControllerConnection _connection = null!;

    public async Task InitializeAsync() => (_mirror, _connection) = await _controller.StartAsync(EmulatedKind.Mirror, clientId: 3);

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _mirror.DisposeAsync();
        await _controller.DisposeAsync();
    }

    [Fact]
    public async Task Handshake_reply_names_mirror()
    {
        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "client_id": 3, "process_type": "mirror" }""",
            await _connection.StreamAsync("_get_client_id"));
    }

    [Fact]
    public async Task Status_has_no_classifier_table()
    {
        await _connection.StreamAsync("component start mr1 2 mirror");
        await _connection.StreamAsync("port add ring:0 rx mr1");
        await _connection.StreamAsync("port add ring:1 tx mr1");
        await _connection.StreamAsync("port add ring:2 tx mr1");

        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "info": { "client-id": 3, "phy": [ "0", "1" ], "vhost": [  ], "ring": [ "0", "1", "2" ], "master-lcore": 1, "core": [ """ +
            """{ "core": 2, "name": "mr1", "type": "mirror", "rx_port": [ { "port": "ring:0", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ], "tx_port": [ """ +
            """{ "port": "ring:1", "vlan": { "operation": "none", "id": 0, "pcp": 0 } }, { "port": "ring:2", "vlan": { "operation": "none", "id": 0, "pcp": 0 } } ] }, """ +
            """{ "core": 3, "type": "unuse" }, { "core": 4, "type": "unuse" }, { "core": 5, "type": "unuse" } ] } }""",
            await _connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Mirror_takes_one_rx_and_two_tx_ports()
    {
        await _connection.StreamAsync("component start mr1 2 mirror");
        await _connection.StreamAsync("port add ring:0 tx mr1");
        await _connection.StreamAsync("port add ring:1 tx mr1");

        Assert.Equal(
            """{ "results": [ { "result": "error", "error_details": { "message": "error occur" } } ] }""",
            await _connection.StreamAsync("port add ring:2 tx mr1"));
    }

    [Fact]
    public async Task Only_the_mirror_component_type_exists()
    {
        Assert.Equal(
            """{ "results": [ { "result": "error", "error_details": { "message": "Invalid value (component type)" } } ] }""",
            await _connection.StreamAsync("component start fwd1 2 forward"));
    }

    [Fact]
    public async Task Classifier_table_is_validated_and_has_no_effect()
    {
        Assert.Equal(Success, await _connection.StreamAsync("classifier_table add mac default phy:0"));
        Assert.Equal(Success, await _connection.StreamAsync("classifier_table add mac default phy:0"));
        Assert.Equal(
            """{ "results": [ { "result": "error", "error_details": { "message": "Invalid value (port)" } } ] }""",
            await _connection.StreamAsync("classifier_table add mac default vhost:0"));
    }
}
