using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// Generated malformed bodies, ids and port strings for every endpoint: never a 5xx, never a crash, and a request
/// rejected for its input sends nothing to any process.
/// </summary>
public sealed class BadInputProperties : IAsyncLifetime
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly (string Method, string Path)[] BodyEndpoints =
    [
        ("PUT", "/v1/primary/forward"), ("PUT", "/v1/primary/ports"), ("PUT", "/v1/primary/patches"),
        ("PUT", "/v1/primary/launch"), ("POST", "/v1/primary/flow_rules/port_id/0/validate"),
        ("POST", "/v1/primary/flow_rules/port_id/0"), ("PUT", "/v1/nfvs/1/forward"), ("PUT", "/v1/nfvs/1/ports"),
        ("PUT", "/v1/nfvs/1/patches"), ("POST", "/v1/vfs/2/components"), ("PUT", "/v1/vfs/2/components/c1/ports"),
        ("PUT", "/v1/vfs/2/components/c1"), ("PUT", "/v1/vfs/2/classifier_table"), ("POST", "/v1/mirrors/3/components"),
        ("PUT", "/v1/mirrors/3/components/m1/ports"), ("PUT", "/v1/pcaps/4/capture"),
    ];

    private static readonly string[] Keys =
    [
        "action", "port", "src", "dst", "rx", "tx", "name", "core", "type", "dir", "vlan", "mac_address", "rule",
        "proc_name", "client_id", "eal", "app", "direction", "pattern", "actions", "group", "priority", "transfer",
    ];

    private static readonly string[] Values =
    [
        "\"add\"", "\"del\"", "\"start\"", "\"stop\"", "\"attach\"", "\"detach\"", "\"rx\"", "\"tx\"", "\"mac\"", "\"vlan\"",
        "\"forward\"", "\"merge\"", "\"classifier_mac\"", "\"mirror\"", "\"ring:0\"", "\"ring:x\"", "\"ring: 1\"", "\"phy:0\"",
        "\"phy:0nq1\"", "\"phy:0 nq 1\"", "\"vhost:-1\"", "\"pipe:0\"", "\"tap:0\"", "\"\"", "\"a b\"", "\"\\u0001\"",
        "\"default\"", "\"FA:16:3E:7D:CC:35\"", "\"spp_nfv\"", "\"ingress\"", "\"sideways\"", "\"名前\"", "\"a/b\"",
        "\"abcdefghijklmnopqrstuvwxyz0123456789\"", "-1", "0", "1", "2", "3", "4095", "4096", "1.5", "1e3",
        "99999999999999999999", "true", "false", "null", "{}", "[]", "[\"eth\",1]", "{\"operation\":\"add\",\"id\":1,\"pcp\":9}",
        "{\"-l\":\"1\",\"--proc-type\":\"secondary\"}", "{\"direction\":\"ingress\",\"pattern\":[],\"actions\":[]}",
        "\"\\ud800\"", "\"\\udc00x\"", "\"ring:\\udbff\"", "\"\\ud83d\\ude00\"", "\"\\u12\"", "\"\\x41\"", "1e400", "-1e400",
        "1e-400", "18446744073709551616", "[\"eth\",\"\\udfff\"]", "{\"\\ud800\":1}", new string('[', 70) + new string(']', 70),
    ];

    /// <summary>Byte sequences that are not UTF-8: overlong, surrogate, beyond U+10FFFF, truncated, stray.</summary>
    private static readonly byte[][] NotUtf8 =
    [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x82], [0x80], [0xFF],
    ];

    private Controller controller = null!;
    private List<EmulatedProcess> processes = [];

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        processes = await controller.ConnectDemoAsync();
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private static Gen<string> Member =>
        from key in Gen.Elements(Keys)
        from value in Gen.Elements(Values)
        select $"\"{key}\":{value}";

    private static Gen<string> Bodies => Gen.Frequency(
        (1, ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null)),
        (1, Gen.Elements(Values)),
        (6, from members in Gen.ListOf(Member).Where(m => m.Count <= 6) select "{" + string.Join(",", members) + "}"));

    private static Gen<string> PortTexts =>
        from type in Gen.Elements("ring", "vhost", "phy", "pipe", "tap", "PHY", "foo", "", " ring")
        from separator in Gen.Elements(":", "", "::", ": ", " :")
        from index in Gen.Elements("0", "1", "-1", "+1", "x", "1_0", "٣", "2147483648", "00000000001", "0nq1", "0 nq 1", "0nq", "")
        select $"{type}{separator}{index}";

    private static Gen<string> Segments => Gen.Frequency(
        (3, ArbMap.Default.ArbFor<string>().Generator.Where(s => !string.IsNullOrEmpty(s)).Select(Uri.EscapeDataString)),
        (1, Gen.Elements("1", "01", "-1", "+1", "1.0", "99999999999999999999", "%2F", "a%20b", "%00", "..", "%25")));

    /// <summary>What every such request must satisfy.</summary>
    private bool Holds(string method, string path, string? body)
    {
        var (status, text, sentAnything) = Send(method, path, body is null ? null : new ByteArrayContent(Encoding.UTF8.GetBytes(body)));
        var rejected = status is 404 or 405 or 413 || (status == 400 && !text.StartsWith("command error: "));
        return status < 500 && !(rejected && sentAnything);
    }

    private (int Status, string Text, bool SentAnything) Send(string method, string path, HttpContent? content)
    {
        var before = processes.Sum(p => Sent.Commands(p).Count);
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        var response = controller.Http.SendAsync(request).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, text, processes.Sum(p => Sent.Commands(p).Count) != before);
    }

    [Fact]
    public void Malformed_bodies_are_answered_below_500_and_rejections_send_nothing()
    {
        var requests = from endpoint in Gen.Elements(BodyEndpoints) from body in Bodies select (endpoint, body);
        Prop.ForAll(requests.ToArbitrary(), r => Holds(r.endpoint.Method, r.endpoint.Path, r.body)).Check(Runs);
        AllProcessesStillRegistered();
    }

    [Fact]
    public void Bodies_with_bytes_that_are_not_utf8_are_not_json_and_send_nothing()
    {
        var requests =
            from endpoint in Gen.Elements(BodyEndpoints)
            from members in Gen.ListOf(Member).Where(m => m.Count <= 6)
            from bad in Gen.Elements(NotUtf8)
            from at in Gen.Choose(0, 1000)
            let body = Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}")
            let cut = at % (body.Length + 1)
            select (endpoint, body: body[..cut].Concat(bad).Concat(body[cut..]).ToArray());
        Prop.ForAll(requests.ToArbitrary(), r =>
            Send(r.endpoint.Method, r.endpoint.Path, new ByteArrayContent(r.body)) is (400, "Not in json format.", false)).Check(Runs);
        AllProcessesStillRegistered();
    }

    [Fact]
    public void Malformed_port_strings_are_answered_below_500_and_rejections_send_nothing()
    {
        var requests =
            from port in PortTexts
            from request in Gen.Elements(
                ("PUT", "/v1/nfvs/1/ports", $$"""{"action":"del","port":{{JsonSerializer.Serialize(port)}}}"""),
                ("PUT", "/v1/primary/ports", $$"""{"action":"del","port":{{JsonSerializer.Serialize(port)}}}"""),
                ("PUT", "/v1/nfvs/1/patches", $$"""{"src":{{JsonSerializer.Serialize(port)}},"dst":"ring:0"}"""),
                ("PUT", "/v1/vfs/2/components/c1/ports", $$"""{"action":"detach","port":{{JsonSerializer.Serialize(port)}},"dir":"rx"}"""),
                ("PUT", "/v1/vfs/2/classifier_table", $$"""{"action":"del","type":"mac","mac_address":"default","port":{{JsonSerializer.Serialize(port)}}}"""))
            select request;
        Prop.ForAll(requests.ToArbitrary(), r => Holds(r.Item1, r.Item2, r.Item3)).Check(Runs);
        AllProcessesStillRegistered();
    }

    [Fact]
    public void Malformed_path_ids_and_names_are_answered_below_500_and_rejections_send_nothing()
    {
        var requests =
            from segment in Segments
            from request in Gen.Elements(
                ("GET", $"/v1/nfvs/{segment}"), ("GET", $"/v1/vfs/{segment}"), ("GET", $"/v1/mirrors/{segment}"),
                ("GET", $"/v1/pcaps/{segment}"), ("DELETE", $"/v1/vfs/2/components/{segment}"),
                ("DELETE", $"/v1/mirrors/3/components/{segment}"), ("DELETE", $"/v1/primary/flow_rules/{segment}/port_id/0"),
                ("DELETE", $"/v1/primary/flow_rules/port_id/{segment}"), ("GET", $"/v1/{segment}"))
            select request;
        Prop.ForAll(requests.ToArbitrary(), r => Holds(r.Item1, r.Item2, null)).Check(Runs);
        AllProcessesStillRegistered();
    }

    private void AllProcessesStillRegistered() =>
        Assert.Equal(
            """[{"type":"primary"},{"type":"nfv","client-id":1},{"type":"vf","client-id":2},{"type":"mirror","client-id":3},{"type":"pcap","client-id":4}]""",
            controller.GetStringAsync("/v1/processes").GetAwaiter().GetResult());
}
