namespace Spp.Emulator.Tests;

public sealed class PcapTests : IAsyncLifetime
{
    private const string Success = """{ "results": [ { "result": "success" } ] }""";

    private readonly FakeController _controller = new();
    private EmulatedProcess _pcap = null!;
    private ControllerConnection _connection = null!;

    public async Task InitializeAsync() =>
        (_pcap, _connection) = await _controller.StartAsync(EmulatedKind.Pcap, 4, TestOptions.Fast with { PcapOutputDirectory = "/var/pcap" });

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _pcap.DisposeAsync();
        await _controller.DisposeAsync();
    }

    [Fact]
    public async Task Handshake_reply_names_pcap()
    {
        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "client_id": 4, "process_type": "pcap" }""",
            await _connection.StreamAsync("_get_client_id"));
    }

    [Fact]
    public async Task Status_when_idle_has_a_receive_core_and_writers_without_files()
    {
        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "info": { "client-id": 4, "status": "idle", "master-lcore": 1, "core": [ """ +
            """{ "core": 2, "role": "receive", "rx_port": [ { "port": "phy:0" } ] }, { "core": 3, "role": "write", "filename": "" }, """ +
            """{ "core": 4, "role": "write", "filename": "" }, { "core": 5, "role": "write", "filename": "" } ] } }""",
            await _connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Start_makes_it_running_with_one_file_per_writer()
    {
        Assert.Equal(Success, await _connection.StreamAsync("start"));

        var status = await _connection.StreamAsync("status");

        Assert.Matches(
            """^\{ "results": \[ \{ "result": "success" \} \], "info": \{ "client-id": 4, "status": "running", "master-lcore": 1, "core": \[ """ +
            """\{ "core": 2, "role": "receive", "rx_port": \[ \{ "port": "phy:0" \} \] \}, """ +
            """\{ "core": 3, "role": "write", "filename": "/var/pcap/spp_pcap\.(\d{14})\.phy0\.1\.1\.pcap\.lz4" \}, """ +
            """\{ "core": 4, "role": "write", "filename": "/var/pcap/spp_pcap\.\1\.phy0\.2\.1\.pcap\.lz4" \}, """ +
            """\{ "core": 5, "role": "write", "filename": "/var/pcap/spp_pcap\.\1\.phy0\.3\.1\.pcap\.lz4" \} \] \} \}$""",
            status);
    }

    [Fact]
    public async Task Stop_returns_to_idle()
    {
        await _connection.StreamAsync("start");

        Assert.Equal(Success, await _connection.StreamAsync("stop"));
        Assert.Equal(Success, await _connection.StreamAsync("stop"));
        Assert.Contains("""{ "client-id": 4, "status": "idle", """, await _connection.StreamAsync("status"));
    }

    [Theory]
    [InlineData("start now", "Wrong message format")]
    [InlineData("component start a 2 forward", "Invalid value (command)")]
    public async Task Bad_requests_get_the_documented_error(string request, string message)
    {
        Assert.Equal(
            $$"""{ "results": [ { "result": "error", "error_details": { "message": "{{message}}" } } ] }""",
            await _connection.StreamAsync(request));
    }
}
