using System.Text;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>
/// rest-api.md 1.3 and 1.4 at the edges of what a JSON reader decodes: text that is no Unicode, escapes that are no
/// escapes, numbers beyond any range, nesting beyond any use. Each is bad input, answered 400 on every endpoint that
/// reads a body, and nothing reaches any process.
/// </summary>
public sealed class UndecodableBodyTests : IAsyncLifetime
{
    private static readonly (string Method, string Path)[] BodyEndpoints =
    [
        ("PUT", "/v1/primary/forward"), ("PUT", "/v1/primary/ports"), ("PUT", "/v1/primary/patches"),
        ("PUT", "/v1/primary/launch"), ("POST", "/v1/primary/flow_rules/port_id/0/validate"),
        ("POST", "/v1/primary/flow_rules/port_id/0"), ("PUT", "/v1/nfvs/1/forward"), ("PUT", "/v1/nfvs/1/ports"),
        ("PUT", "/v1/nfvs/1/patches"), ("POST", "/v1/vfs/2/components"), ("PUT", "/v1/vfs/2/components/c1/ports"),
        ("PUT", "/v1/vfs/2/components/c1"), ("PUT", "/v1/vfs/2/classifier_table"), ("POST", "/v1/mirrors/3/components"),
        ("PUT", "/v1/mirrors/3/components/m1/ports"), ("PUT", "/v1/pcaps/4/capture"),
    ];

    private Controller controller = null!;
    private List<EmulatedProcess> processes = [];

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        processes = await controller.ConnectDemoAsync();
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    [Theory]
    [InlineData("""{"action": "\ud800"}""")]
    [InlineData("""{"port": "\udc00x"}""")]
    [InlineData("""{"action": "add", "port": "ring:\udbff"}""")]
    [InlineData("""{"src": "ring:0", "dst": "\ud800\u0041"}""")]
    [InlineData("""{"name": "\udc00\ud800", "core": 2, "type": "forward"}""")]
    [InlineData("""{"proc_name": "spp_nfv", "client_id": "1", "eal": {"-l": "1\ud83d"}, "app": {}}""")]
    [InlineData("""{"pattern": ["eth", "\udfff"], "actions": []}""")]
    public async Task An_escaped_lone_surrogate_in_a_value_is_not_json(string body) =>
        await RejectedEverywhereAsync(Encoding.UTF8.GetBytes(body), "Not in json format.");

    [Theory]
    [InlineData("""{"\ud800": "start", "action": "start"}""")]
    [InlineData("""{"action": "start", "extra": {"\udc00": 1}}""")]
    [InlineData("""{"action": "start", "extra": ["\ud800"]}""")]
    public async Task Undecodable_text_in_a_member_the_endpoint_ignores_is_not_json_either(string body) =>
        await RejectedEverywhereAsync(Encoding.UTF8.GetBytes(body), "Not in json format.");

    [Fact]
    public async Task An_escaped_surrogate_pair_is_one_character()
    {
        await RejectedAsync("PUT", "/v1/nfvs/1/forward", Encoding.UTF8.GetBytes("""{"action": "\ud83d\ude00"}"""),
            "invalid key(action): \U0001F600.");
        await RejectedAsync("PUT", "/v1/nfvs/1/ports", Encoding.UTF8.GetBytes("""{"action": "add", "port": "ring:\u0030\ud83d\ude00"}"""),
            "invalid key(port): ring:0\U0001F600.");
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]              // overlong '/'
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]        // overlong '/', three bytes
    [InlineData(new byte[] { 0xF0, 0x80, 0x80, 0xAF })]  // overlong '/', four bytes
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]        // U+D800 encoded directly
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]  // beyond U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })]              // truncated sequence
    [InlineData(new byte[] { 0x80 })]                    // lone continuation byte
    [InlineData(new byte[] { 0xFF })]                    // never valid
    public async Task Invalid_utf8_inside_a_string_is_not_json(byte[] bad)
    {
        var body = Encoding.UTF8.GetBytes("""{"action": "start""").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        await RejectedEverywhereAsync(body, "Not in json format.");
    }

    [Theory]
    [InlineData("""{"action": "\u12"}""")]
    [InlineData("""{"action": "\u12G4"}""")]
    [InlineData("""{"action": "\x41"}""")]
    [InlineData("""{"action": "\U0041"}""")]
    [InlineData("""{"action": "\'"}""")]
    [InlineData("""{"action": "\"}""")]
    [InlineData("{\"action\": \"start\u0001\"}")]
    public async Task A_malformed_escape_or_raw_control_character_is_not_json(string body) =>
        await RejectedEverywhereAsync(Encoding.UTF8.GetBytes(body), "Not in json format.");

    [Theory]
    [InlineData("POST", "/v1/vfs/2/components", """{"name":"c9","core":1e400,"type":"forward"}""", "invalid key(core): 1e400.")]
    [InlineData("POST", "/v1/vfs/2/components", """{"name":"c9","core":-1e400,"type":"forward"}""", "invalid key(core): -1e400.")]
    [InlineData("POST", "/v1/vfs/2/components", """{"name":"c9","core":18446744073709551616,"type":"forward"}""", "invalid key(core): 18446744073709551616.")]
    [InlineData("POST", "/v1/vfs/2/components", """{"name":"c9","core":1e-400,"type":"forward"}""", "invalid key(core): 1e-400.")]
    [InlineData("POST", "/v1/mirrors/3/components", """{"name":"m9","core":2147483648,"type":"mirror"}""", "invalid key(core): 2147483648.")]
    [InlineData("PUT", "/v1/vfs/2/components/c1/ports", """{"action":"attach","port":"ring:0","dir":"rx","vlan":{"operation":"add","id":1e400,"pcp":0}}""",
        """invalid key(vlan): {"operation":"add","id":1e400,"pcp":0}.""")]
    [InlineData("PUT", "/v1/vfs/2/components/c1/ports", """{"action":"attach","port":"ring:0","dir":"rx","vlan":{"operation":"add","id":0,"pcp":9223372036854775808}}""",
        """invalid key(vlan): {"operation":"add","id":0,"pcp":9223372036854775808}.""")]
    [InlineData("PUT", "/v1/vfs/2/classifier_table", """{"action":"add","type":"vlan","vlan":1e400,"mac_address":"default","port":"ring:0"}""", "invalid key(vlan): 1e400.")]
    [InlineData("PUT", "/v1/primary/launch", """{"proc_name":"spp_nfv","client_id":1e400,"eal":{"-l":"1","--proc-type":"secondary"},"app":{}}""", "invalid key(client_id): 1e400.")]
    [InlineData("PUT", "/v1/primary/launch", """{"proc_name":"spp_nfv","client_id":99999999999999999999999,"eal":{"-l":"1","--proc-type":"secondary"},"app":{}}""", "invalid key(client_id): 99999999999999999999999.")]
    public async Task A_number_beyond_any_range_is_invalid_for_its_key(string method, string path, string body, string message) =>
        await RejectedAsync(method, path, Encoding.UTF8.GetBytes(body), message);

    [Fact]
    public async Task A_number_of_ten_thousand_digits_is_invalid_for_its_key()
    {
        var digits = new string('9', 10_000);
        await RejectedAsync("POST", "/v1/vfs/2/components", Encoding.UTF8.GetBytes($$"""{"name":"c9","core":{{digits}},"type":"forward"}"""),
            $"invalid key(core): {digits}.");
    }

    [Theory]
    [InlineData(65)]
    [InlineData(1_000)]
    [InlineData(200_000)]
    public async Task Nesting_deeper_than_64_levels_is_not_json(int depth)
    {
        var body = "{\"action\":\"start\",\"extra\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";
        await RejectedEverywhereAsync(Encoding.UTF8.GetBytes(body), "Not in json format.");
    }

    [Fact]
    public async Task Nesting_of_64_levels_is_read()
    {
        var body = "{\"action\":\"start\",\"extra\":" + new string('[', 63) + new string(']', 63) + "}";
        var sent = await Sent.DuringAsync(processes[1], async () =>
            await Expect.NoContentAsync(await Send("PUT", "/v1/nfvs/1/forward", Encoding.UTF8.GetBytes(body))));
        Assert.Equal(["forward"], sent);
    }

    private async Task RejectedEverywhereAsync(byte[] body, string message)
    {
        foreach (var (method, path) in BodyEndpoints) await RejectedAsync(method, path, body, message);
        Assert.Equal(
            """[{"type":"primary"},{"type":"nfv","client-id":1},{"type":"vf","client-id":2},{"type":"mirror","client-id":3},{"type":"pcap","client-id":4}]""",
            await controller.GetStringAsync("/v1/processes"));
    }

    private async Task RejectedAsync(string method, string path, byte[] body, string message)
    {
        var before = processes.Select(p => Sent.Commands(p).Count).ToArray();
        var response = await Send(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal((400, message), ((int)response.StatusCode, text));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, processes.Select(p => Sent.Commands(p).Count).ToArray());
    }

    private Task<HttpResponseMessage> Send(string method, string path, byte[] body) =>
        controller.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) });
}
