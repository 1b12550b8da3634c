using System.Diagnostics;

namespace Spp.Emulator.Tests;

public sealed class VfTests : IAsyncLifetime
{
    private const string Success = """{ "results": [ { "result": "success" } ] }""";

    private readonly FakeController _controller = new();
    private EmulatedProcess _vf = null!;
    private ControllerConnection _connection = null!;

    public async Task InitializeAsync() => (_vf, _connection) = await _controller.StartAsync(EmulatedKind.Vf, clientId: 2);

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _vf.DisposeAsync();
        await _controller.DisposeAsync();
    }

    private static string Port(string uid) => $$"""{ "port": "{{uid}}", "vlan": { "operation": "none", "id": 0, "pcp": 0 } }""";

    private static string Error(string message) =>
        $$"""{ "results": [ { "result": "error", "error_details": { "message": "{{message}}" } } ] }""";

    [Fact]
    public async Task Handshake_reply_is_spaced_json_without_padding()
    {
        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "client_id": 2, "process_type": "vf" }""",
            await _connection.StreamAsync("_get_client_id"));
    }

    [Fact]
    public async Task Status_at_start_lists_every_worker_lcore_as_unuse()
    {
        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "info": { "client-id": 2, "phy": [ "0", "1" ], "vhost": [  ], "ring": [  ], "master-lcore": 1""" +
            """, "core": [ { "core": 2, "type": "unuse" }, { "core": 3, "type": "unuse" }, { "core": 4, "type": "unuse" }, { "core": 5, "type": "unuse" } ]""" +
            """, "classifier_table": [  ] } }""",
            await _connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Components_and_ports_show_in_status()
    {
        Assert.Equal(Success, await _connection.StreamAsync("component start cls1 2 classifier"));
        Assert.Equal(Success, await _connection.StreamAsync("component start fwd1 3 forward"));
        Assert.Equal(Success, await _connection.StreamAsync("port add phy:0 rx cls1"));
        Assert.Equal(Success, await _connection.StreamAsync("port add ring:0 tx cls1"));
        Assert.Equal(Success, await _connection.StreamAsync("port add ring:1 tx cls1"));
        Assert.Equal(Success, await _connection.StreamAsync("port add ring:0 rx fwd1"));
        Assert.Equal(Success, await _connection.StreamAsync("port add vhost:1 tx fwd1 add_vlantag 101 3"));

        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "info": { "client-id": 2, "phy": [ "0", "1" ], "vhost": [ "1" ], "ring": [ "0", "1" ], "master-lcore": 1, "core": [ """ +
            $$"""{ "core": 2, "name": "cls1", "type": "classifier", "rx_port": [ {{Port("phy:0")}} ]""" +
            $$""", "tx_port": [ {{Port("ring:0")}}, {{Port("ring:1")}} ] }, """ +
            $$"""{ "core": 3, "name": "fwd1", "type": "forward", "rx_port": [ {{Port("ring:0")}} ]""" +
            """, "tx_port": [ { "port": "vhost:1", "vlan": { "operation": "add", "id": 101, "pcp": 3 } } ] }, """ +
            """{ "core": 4, "type": "unuse" }, { "core": 5, "type": "unuse" } ], "classifier_table": [  ] } }""",
            await _connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Classifier_table_entries_show_for_the_classifier_default_first()
    {
        await _connection.StreamAsync("component start cls1 2 classifier");
        await _connection.StreamAsync("port add ring:0 tx cls1");
        await _connection.StreamAsync("port add ring:1 tx cls1");
        await _connection.StreamAsync("port add ring:2 tx cls1");

        Assert.Equal(Success, await _connection.StreamAsync("classifier_table add mac fa:16:3e:7d:cc:35 ring:0"));
        Assert.Equal(Success, await _connection.StreamAsync("classifier_table add mac default ring:1"));
        Assert.Equal(Success, await _connection.StreamAsync("classifier_table add vlan 101 default ring:2"));

        Assert.EndsWith(
            """, "classifier_table": [ { "type": "vlan", "value": "101/default", "port": "ring:2" }, """ +
            """{ "type": "mac", "value": "default", "port": "ring:1" }, { "type": "mac", "value": "FA:16:3E:7D:CC:35", "port": "ring:0" } ] } }""",
            await _connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Classifier_table_port_must_be_known_and_have_one_entry()
    {
        Assert.Equal(Error("Invalid value (port)"), await _connection.StreamAsync("classifier_table add mac default ring:0"));
        Assert.Equal(Success, await _connection.StreamAsync("classifier_table add mac default phy:1"));
        Assert.Equal(Error("Invalid value (port)"), await _connection.StreamAsync("classifier_table add mac 00:11:22:33:44:55 phy:1"));
        Assert.Equal(Error("Invalid value (port)"), await _connection.StreamAsync("classifier_table del vlan 5 default phy:1"));
        Assert.Equal(Success, await _connection.StreamAsync("classifier_table del mac default phy:1"));
    }

    [Theory]
    [InlineData("status x", "Wrong message format")]
    [InlineData("component start a 2 forward b c d e", "Wrong message format")]
    [InlineData("port add ring:0 rx", "Wrong message format")]
    [InlineData("bogus", "Invalid value (command)")]
    [InlineData("status\n", "Invalid value (command)")]
    [InlineData("component begin fwd1 2 forward", "Invalid value (action)")]
    [InlineData("component start fwd1 200 forward", "Invalid value (core)")]
    [InlineData("component start fwd1 2 classifier_mac", "Invalid value (component type)")]
    [InlineData("port add pcap:0 rx fwd1", "Invalid value (port)")]
    [InlineData("port add ring:33 rx fwd1", "Invalid value (port)")]
    [InlineData("port add phy:0nq1 rx fwd1", "Invalid value (port)")]
    [InlineData("port add ring:0 up fwd1", "Invalid value (port rxtx)")]
    [InlineData("port add ring:0 rx nobody", "Invalid value (component name)")]
    [InlineData("classifier_table add ip default ring:0", "Invalid value (type)")]
    [InlineData("classifier_table add vlan 5000 default ring:0", "Invalid value (vlan id)")]
    [InlineData("classifier_table add mac 1:2:3:4:5:6:7 ring:0", "Invalid value (mac address)")]
    public async Task Bad_requests_get_the_documented_error(string request, string message)
    {
        Assert.Equal(Error(message), await _connection.StreamAsync(request));
    }

    [Theory]
    [InlineData("port add ring:0 rx fwd1 none", "Invalid value (port vlan operation)")]
    [InlineData("port add ring:0 rx fwd1 add_vlantag 4096 0", "Invalid value (port vid)")]
    [InlineData("port add ring:0 rx fwd1 add_vlantag 10 8", "Invalid value (port pcp)")]
    public async Task Bad_vlan_options_get_the_documented_error(string request, string message)
    {
        await _connection.StreamAsync("component start fwd1 2 forward");

        Assert.Equal(Error(message), await _connection.StreamAsync(request));
    }

    [Fact]
    public async Task Component_name_in_use_is_an_invalid_value()
    {
        await _connection.StreamAsync("component start fwd1 2 forward");

        Assert.Equal(Error("Invalid value (component name)"), await _connection.StreamAsync("component start fwd1 3 merge"));
    }

    [Fact]
    public async Task Component_start_on_an_lcore_that_is_not_a_worker_is_an_execution_error()
    {
        Assert.Equal(Error("error occur"), await _connection.StreamAsync("component start fwd1 9 forward"));
    }

    [Fact]
    public async Task Port_limits_of_a_forwarder_are_execution_errors()
    {
        await _connection.StreamAsync("component start fwd1 2 forward");
        await _connection.StreamAsync("port add ring:0 rx fwd1");

        Assert.Equal(Error("error occur"), await _connection.StreamAsync("port add ring:1 rx fwd1"));
        Assert.Equal(Error("Invalid value (port rxtx)"), await _connection.StreamAsync("port add ring:0 rx fwd1"));
    }

    [Fact]
    public async Task Port_add_of_a_ring_the_primary_lacks_fails_and_poisons_later_commands()
    {
        await _connection.StreamAsync("component start fwd1 2 forward");

        Assert.Equal(Error("error occur"), await _connection.StreamAsync("port add ring:9 rx fwd1"));
        Assert.Equal(Error("error occur"), await _connection.StreamAsync("port del ring:9 rx fwd1"));
        Assert.Equal(Error("error occur"), await _connection.StreamAsync("component start fwd2 3 forward"));
    }

    [Fact]
    public async Task Component_stop_removes_it_and_succeeds_for_unknown_names()
    {
        await _connection.StreamAsync("component start fwd1 2 forward");

        Assert.Equal(Success, await _connection.StreamAsync("component stop fwd1"));
        Assert.Equal(Success, await _connection.StreamAsync("component stop fwd1"));
        Assert.Contains(""", "core": [ { "core": 2, "type": "unuse" },""", await _connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Component_start_on_the_master_lcore_never_replies_and_the_process_stops_reading()
    {
        await _connection.SendAsync("component start fwd1 1 forward");
        Assert.True(await _connection.StaysSilentAsync(TestOptions.Silence));

        await _connection.SendAsync("status");

        Assert.True(await _connection.StaysSilentAsync(TestOptions.Silence));
        Assert.Equal(0, _vf.CommandCount("status"));
    }

    [Fact]
    public async Task Exit_replies_then_closes_after_the_exit_delay()
    {
        await _connection.SendAsync("exit");
        var clock = Stopwatch.StartNew();

        var bytes = await _connection.ReadUntilClosedAsync();

        Assert.Equal(Success, System.Text.Encoding.ASCII.GetString(bytes));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"closed after {clock.Elapsed}");
        await _vf.WaitUntilAsync(p => p.HasExited, TestOptions.Wait);
        Assert.Equal(1, _vf.ConnectionCount);
    }
}
