using System.Text.Json;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>GET /v1/audit: every change that reached a process, who asked for it and how it ended; optionally kept in a file.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"spp-audit-{Guid.NewGuid():N}");
    private Controller controller = null!;

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
    }

    public async Task DisposeAsync()
    {
        await controller.DisposeAsync();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] settings) =>
        settings.ToDictionary(s => s.Key, s => (string?)s.Value);

    private static async Task<List<JsonElement>> AuditAsync(Controller on, string query = "")
    {
        var entries = await Expect.JsonElementAsync(await on.GetAsync("/v1/audit" + query));
        return [.. entries.EnumerateArray()];
    }

    /// <summary>An entry without its time and duration, which vary.</summary>
    private static string Exact(JsonElement entry) => string.Join(" | ",
        entry.GetProperty("operator").GetString(), entry.GetProperty("process").GetString(), entry.GetProperty("method").GetString(),
        entry.GetProperty("path").GetString(), entry.GetProperty("command").GetString(), entry.GetProperty("status").GetInt32(),
        entry.GetProperty("outcome").GetString());

    private Task<HttpResponseMessage> As(string name, string method, string path, string? body = null) =>
        controller.SendAsync(method, path, body, ("X-SPP-Operator", name));

    [Fact]
    public async Task Entries_are_exact_after_known_traffic()
    {
        var start = DateTimeOffset.UtcNow;
        await Expect.NoContentAsync(await As("alice", "PUT", "/v1/nfvs/1/ports", """{"action":"add","port":"ring:0"}"""));
        await Expect.ErrorAsync(await As("bob", "PUT", "/v1/nfvs/1/forward", """{"action":"bogus"}"""), 400, "invalid key(action): bogus.");
        await Expect.JsonAsync(await As("bob", "GET", "/v1/nfvs/1"));
        await Expect.NoContentAsync(await controller.DeleteAsync("/v1/nfvs/1/patches"));
        await Expect.ErrorAsync(await As("carol", "POST", "/v1/vfs/2/components", """{"name":"fwd9","core":9,"type":"forward"}"""),
            400, "command error: error occur");
        await Expect.ErrorAsync(await As("dave", "DELETE", "/v1/vfs/9"), 404, "sec_id 9 not found.");

        var entries = await AuditAsync(controller);
        Assert.Equal(
        [
            "alice | nfv:1 | PUT | /v1/nfvs/1/ports | add ring:0 | 204 | ok",
            "127.0.0.1 | nfv:1 | DELETE | /v1/nfvs/1/patches | patch reset | 204 | ok",
            "carol | vf:2 | POST | /v1/vfs/2/components | component start fwd9 9 forward | 400 | command error: error occur",
        ], entries.Select(Exact));
        foreach (var entry in entries)
        {
            var time = DateTimeOffset.Parse(entry.GetProperty("time").GetString()!);
            Assert.InRange(time, start.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.True(entry.GetProperty("duration-ms").GetDouble() >= 0);
        }
    }

    [Fact]
    public async Task A_refused_If_Match_and_a_failed_exchange_are_audited_too()
    {
        await Expect.NoContentAsync(await controller.SendAsync("PUT", "/v1/nfvs/1/forward", """{"action":"start"}""",
            ("If-Match", "*"), ("X-SPP-Operator", "alice")));
        await controller.SendAsync("PUT", "/v1/nfvs/1/forward", """{"action":"stop"}""",
            ("If-Match", "\"0000000000000000\""), ("X-SPP-Operator", "bob"));
        Assert.Equal(
        [
            "alice | nfv:1 | PUT | /v1/nfvs/1/forward | forward | 204 | ok",
            "bob | nfv:1 | PUT | /v1/nfvs/1/forward | stop | 412 | Precondition Failed: the status of nfv:1 does not match If-Match; the command was not sent.",
        ], (await AuditAsync(controller)).Select(Exact));
    }

    [Fact]
    public async Task Limit_keeps_the_most_recent_and_process_filters_oldest_first()
    {
        await As("a", "PUT", "/v1/nfvs/1/forward", """{"action":"start"}""");
        await As("b", "DELETE", "/v1/vfs/2/components/fwd1");
        await As("c", "PUT", "/v1/nfvs/1/forward", """{"action":"stop"}""");
        await As("d", "DELETE", "/v1/nfvs/1/patches");

        Assert.Equal(["c", "d"], (await AuditAsync(controller, "?limit=2")).Select(e => e.GetProperty("operator").GetString()));
        Assert.Equal(["a", "c", "d"], (await AuditAsync(controller, "?process=nfv:1")).Select(e => e.GetProperty("operator").GetString()));
        Assert.Equal(["d"], (await AuditAsync(controller, "?process=nfv:01&limit=1")).Select(e => e.GetProperty("operator").GetString()));
        Assert.Equal(["b"], (await AuditAsync(controller, "?process=vf%3A2")).Select(e => e.GetProperty("operator").GetString()));
        Assert.Empty(await AuditAsync(controller, "?process=primary"));
        Assert.Empty(await AuditAsync(controller, "?process=vf:1"));
    }

    [Theory]
    [InlineData("?limit=0", "invalid key(limit): 0.")]
    [InlineData("?limit=abc", "invalid key(limit): abc.")]
    [InlineData("?limit=", "invalid key(limit): .")]
    [InlineData("?limit=-1", "invalid key(limit): -1.")]
    [InlineData("?limit=1000001", "invalid key(limit): 1000001.")]
    [InlineData("?process=", "invalid key(process): .")]
    [InlineData("?process=nfv", "invalid key(process): nfv.")]
    [InlineData("?process=nfv:x", "invalid key(process): nfv:x.")]
    [InlineData("?process=primary:0", "invalid key(process): primary:0.")]
    [InlineData("?process=NFV:1", "invalid key(process): NFV:1.")]
    public async Task Bad_query_values_are_400_with_the_reason(string query, string message) =>
        await Expect.ErrorAsync(await controller.GetAsync("/v1/audit" + query), 400, message);

    [Fact]
    public async Task The_audit_route_takes_GET_only()
    {
        var response = await controller.DeleteAsync("/v1/audit");
        await Expect.ErrorAsync(response, 405, "Method not allowed.");
        Assert.Equal("GET", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Memory_holds_at_most_the_configured_capacity()
    {
        await using var small = await Controller.StartAsync(configuration: Settings(("Audit:Capacity", "2")));
        await small.ConnectAsync(EmulatedKind.Nfv, 1);
        foreach (var action in new[] { "start", "stop", "start" })
            await small.PutAsync("/v1/nfvs/1/forward", $$"""{"action":"{{action}}"}""");
        Assert.Equal(["stop", "forward"], (await AuditAsync(small, "?limit=100")).Select(e => e.GetProperty("command").GetString()));
    }

    [Fact]
    public async Task The_file_gets_one_JSON_line_per_entry_and_a_restart_keeps_the_history()
    {
        var path = Path.Combine(folder, "audit.jsonl");
        var settings = Settings(("Audit:Path", path));
        await using (var first = await Controller.StartAsync(configuration: settings))
        {
            await first.ConnectAsync(EmulatedKind.Nfv, 1);
            await first.SendAsync("PUT", "/v1/nfvs/1/forward", """{"action":"start"}""", ("X-SPP-Operator", "alice"));
            await first.SendAsync("PUT", "/v1/nfvs/1/ports", """{"action":"add","port":"ring:1"}""", ("X-SPP-Operator", "bob"));
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("alice", JsonElement.Parse(lines[0]).GetProperty("operator").GetString());
        Assert.Equal("add ring:1", JsonElement.Parse(lines[1]).GetProperty("command").GetString());

        await using var second = await Controller.StartAsync(configuration: settings);
        Assert.Equal(
        [
            "alice | nfv:1 | PUT | /v1/nfvs/1/forward | forward | 204 | ok",
            "bob | nfv:1 | PUT | /v1/nfvs/1/ports | add ring:1 | 204 | ok",
        ], (await AuditAsync(second)).Select(Exact));
    }

    [Fact]
    public async Task A_line_cut_short_is_skipped_and_the_next_entry_starts_on_a_line_of_its_own()
    {
        var path = Path.Combine(folder, "audit.jsonl");
        Directory.CreateDirectory(folder);
        File.WriteAllText(path,
            """{"time":"2024-05-01T12:00:00.000Z","operator":"alice","process":"nfv:1","method":"PUT","path":"/v1/nfvs/1/forward","command":"forward","status":204,"outcome":"ok","duration-ms":1.5}""" + "\n"
            + """{"time":"2024-05-01T12:00:01.000Z","operator":"bo""");
        await using (var restarted = await Controller.StartAsync(configuration: Settings(("Audit:Path", path))))
        {
            Assert.Equal(["alice | nfv:1 | PUT | /v1/nfvs/1/forward | forward | 204 | ok"], (await AuditAsync(restarted)).Select(Exact));
            await restarted.ConnectAsync(EmulatedKind.Nfv, 1);
            await restarted.SendAsync("PUT", "/v1/nfvs/1/forward", """{"action":"stop"}""", ("X-SPP-Operator", "carol"));
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("carol", JsonElement.Parse(lines[2]).GetProperty("operator").GetString());
    }

    [Fact]
    public async Task An_audit_path_that_cannot_be_written_refuses_to_start()
    {
        Directory.CreateDirectory(folder);
        var error = await Assert.ThrowsAsync<Spp.Web.Hosting.StartRefusedException>(() =>
            Controller.StartAsync(configuration: Settings(("Audit:Path", folder))));
        Assert.StartsWith($"Audit:Path '{folder}' cannot be used", error.Message);
    }

    [Fact]
    public async Task A_bad_operator_header_is_400()
    {
        await Expect.ErrorAsync(await As("", "GET", "/v1/processes"), 400,
            "invalid header(X-SPP-Operator): 1 to 64 printable ASCII characters expected.");
        await Expect.ErrorAsync(await As(new string('x', 65), "PUT", "/v1/nfvs/1/forward", """{"action":"start"}"""), 400,
            "invalid header(X-SPP-Operator): 1 to 64 printable ASCII characters expected.");
        Assert.Empty(await AuditAsync(controller));
    }
}
