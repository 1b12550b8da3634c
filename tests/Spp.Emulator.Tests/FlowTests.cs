namespace Spp.Emulator.Tests;

public sealed class FlowTests : IAsyncLifetime
{
    private const string Rule =
        "ingress pattern eth dst is 10:22:33:44:55:66 / vlan vid is 100 / end actions queue index 0 / of_pop_vlan / end";

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
    public async Task Validate_replies_in_flow_style()
    {
        Assert.Equal(
            """{"result": "success", "message": "Flow rule validated"}""",
            await _connection.PaddedAsync($"flow validate phy:0 {Rule}"));
    }

    [Fact]
    public async Task Create_returns_the_rule_id_as_a_string_and_lists_the_rule_in_status()
    {
        Assert.Equal(
            """{"result": "success", "message": "Flow rule #0 created", "rule_id": "0"}""",
            await _connection.PaddedAsync($"flow create phy:0 group 1 {Rule}"));

        Assert.Contains(
            """{"id":0,"eth":"56:48:4f:53:54:00","rx":0,"tx":0,"tx_drop":0,"nof_queues":{"rx":1,"tx":1},"flow":[{"rule_id":0""" +
            ""","attr":{"group":1,"priority":0,"ingress":1,"egress":0,"transfer":0}""" +
            ""","patterns":[{"type":"eth","spec":{"dst":"10:22:33:44:55:66","src":"00:00:00:00:00:00","type":"0x0000"},"last":null""" +
            ""","mask":{"dst":"FF:FF:FF:FF:FF:FF","src":"00:00:00:00:00:00","type":"0x0000"}}""" +
            """,{"type":"vlan","spec":{"tci":"0x6400","inner_type":"0x0000"},"last":null,"mask":{"tci":"0xffff","inner_type":"0x0000"}}]""" +
            ""","actions":[{"type":"queue","conf":{"index":0}},{"type":"of_pop_vlan","conf":null}]}]}""",
            await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Actions_with_network_order_fields_are_shown_swapped()
    {
        await _connection.PaddedAsync(
            "flow create phy:1 egress pattern eth / end actions of_push_vlan ethertype 0x8100 / of_set_vlan_vid vlan_vid 100 / of_set_vlan_pcp vlan_pcp 3 / jump group 2 / end");

        Assert.Contains(
            ""","flow":[{"rule_id":0,"attr":{"group":0,"priority":0,"ingress":0,"egress":1,"transfer":0}""" +
            ""","patterns":[{"type":"eth","spec":null,"last":null,"mask":null}]""" +
            ""","actions":[{"type":"of_push_vlan","conf":{"ethertype":"0x0081"}},{"type":"of_set_vlan_vid","conf":{"vlan_vid":"0x6400"}}""" +
            """,{"type":"of_set_vlan_pcp","conf":{"vlan_pcp":"0x3"}},{"type":"jump","conf":{"group":2}}]}]}""",
            await _connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Rule_ids_continue_from_the_newest_surviving_rule()
    {
        await _connection.PaddedAsync($"flow create phy:0 {Rule}");
        await _connection.PaddedAsync($"flow create phy:0 {Rule}");

        Assert.Equal(
            """{"result": "success", "message": "Flow rule #1 destroyed"}""",
            await _connection.PaddedAsync("flow destroy phy:0 1"));
        Assert.Contains("\"rule_id\": \"1\"", await _connection.PaddedAsync($"flow create phy:0 {Rule}"));
        Assert.Contains("\"rule_id\": \"0\"", await _connection.PaddedAsync($"flow create phy:1 {Rule}"));
    }

    [Fact]
    public async Task Destroy_all_restarts_ids_at_zero()
    {
        await _connection.PaddedAsync($"flow create phy:0 {Rule}");

        Assert.Equal(
            """{"result": "success", "message": "Flow rule all destroyed"}""",
            await _connection.PaddedAsync("flow destroy phy:0 ALL"));
        Assert.Contains("\"rule_id\": \"0\"", await _connection.PaddedAsync($"flow create phy:0 {Rule}"));
    }

    [Fact]
    public async Task Destroy_of_an_unknown_rule_or_port_is_an_error()
    {
        Assert.Equal(
            """{"result": "error", "message": "Flow rule #5 not found"}""",
            await _connection.PaddedAsync("flow destroy phy:0 5"));
        Assert.Equal(
            """{"result": "error", "message": "Invalid port 7"}""",
            await _connection.PaddedAsync("flow destroy phy:7 ALL"));
    }

    [Theory]
    [InlineData("flow")]
    [InlineData("flow list phy:0")]
    [InlineData("flow validate ring:0 ingress pattern eth / end actions of_pop_vlan / end")]
    [InlineData("flow validate phy:0 ingress pattern eth / end actions of_pop_vlan")]
    [InlineData("flow create phy:0 ingress pattern ipv4 / end actions of_pop_vlan / end")]
    public async Task Syntax_errors_are_invalid_arguments(string request)
    {
        Assert.Equal(
            """{"result": "error", "message": "Flow command invalid argument"}""",
            await _connection.PaddedAsync(request));
    }

    [Fact]
    public async Task Create_on_a_port_that_is_not_a_nic_fails_with_an_empty_rule_id()
    {
        Assert.Equal(
            """{"result": "error", "message": "Flow create error\nerror type: 1 (cause unspecified)\nerror message: No such device\nrte_errno: No such device", "rule_id": ""}""",
            await _connection.PaddedAsync($"flow create phy:9 {Rule}"));
    }
}
