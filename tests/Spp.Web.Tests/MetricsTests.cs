using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>GET /metrics: exact counts after known traffic.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync(TimeSpan.FromSeconds(1));

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private static EmulatorOptions NoRetry => Controller.FastEmulator with { RetryInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Metrics_are_prometheus_text()
    {
        // A family is listed once it has a series: one command gives the command families theirs.
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        var response = await controller.GetAsync("/metrics");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE spp_commands_total counter\n", text);
        Assert.Contains("# TYPE spp_command_duration_seconds histogram\n", text);
        Assert.Contains("# TYPE spp_processes_connected gauge\n", text);
        Assert.Contains("# TYPE dotnet_gc_heap_total_allocated_bytes_total counter\n", text);
        Assert.Contains("# TYPE dotnet_process_memory_working_set_bytes gauge\n", text);
        Assert.True(Metrics.Value(text, "dotnet_gc_heap_total_allocated_bytes_total") > 0);
        Assert.True(Metrics.Value(text, "dotnet_process_memory_working_set_bytes") > 0);
    }

    [Fact]
    public async Task Asp_net_cores_http_server_metrics_and_the_process_start_time_are_beside_the_controllers()
    {
        await Expect.ErrorAsync(await controller.GetAsync("/v1/bogus"), 404, "Not found: '/v1/bogus'");
        await Eventually.HoldsAsync(async () => (await Metrics.ScrapeAsync(controller)).Contains(
            "# TYPE http_server_request_duration_seconds histogram\n", StringComparison.Ordinal), "the HTTP server histogram");
        var text = await Metrics.ScrapeAsync(controller);
        Assert.Contains("# TYPE dotnet_process_cpu_time_seconds_total counter\n", text);
        Assert.Contains("# TYPE process_start_time_seconds gauge\n", text);
        var started = DateTimeOffset.FromUnixTimeMilliseconds((long)(Metrics.Value(text, "process_start_time_seconds") * 1000));
        Assert.InRange(started, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Commands_are_counted_by_process_type_command_and_outcome_with_their_latency()
    {
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        await Expect.NoContentAsync(await controller.PutAsync("/v1/nfvs/1/ports", """{"action":"add","port":"ring:0"}"""));
        await Expect.ErrorAsync(await controller.PutAsync("/v1/nfvs/1/forward", """{"action":"bogus"}"""), 400, "invalid key(action): bogus.");
        await Expect.NoContentAsync(await controller.PostAsync("/v1/vfs/2/components", """{"name":"fwd1","core":2,"type":"forward"}"""));

        var text = await Metrics.ScrapeAsync(controller);
        Assert.Equal(2, Metrics.Value(text, """spp_commands_total{command="status",outcome="replied",type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_commands_total{command="add",outcome="replied",type="nfv"}"""));
        Assert.Equal(0, Metrics.Value(text, """spp_commands_total{command="forward",outcome="replied",type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_commands_total{command="status",outcome="replied",type="vf"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_commands_total{command="component",outcome="replied",type="vf"}"""));
        Assert.Equal(2, Metrics.Value(text, """spp_command_duration_seconds_count{command="status",type="nfv"}"""));
        Assert.Equal(2, Metrics.Value(text, """spp_command_duration_seconds_bucket{command="status",type="nfv",le="+Inf"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_command_duration_seconds_bucket{command="add",type="nfv",le="10"}"""));
        Assert.True(Metrics.Value(text, """spp_command_duration_seconds_sum{command="status",type="nfv"}""") > 0);
        Assert.Equal(1, Metrics.Value(text, """spp_processes_connected{type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_processes_connected{type="vf"}"""));
        Assert.Equal(0, Metrics.Value(text, """spp_processes_connected{type="primary"}"""));
        Assert.Contains("spp_processes_connected{type=\"primary\"} 0\n", text);
        Assert.Equal(1, Metrics.Value(text, """spp_process_registrations_total{type="nfv"}"""));
        Assert.Equal(0, Metrics.Value(text, """spp_process_reconnects_total{type="nfv"}"""));
    }

    [Fact]
    public async Task Http_requests_are_counted_by_method_and_status()
    {
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        var before = await Metrics.ScrapeAsync(controller);
        var getsBefore = Metrics.Value(before, """spp_http_requests_total{method="GET",status="200"}""");

        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        await Expect.JsonAsync(await controller.GetAsync("/v1/processes"));
        await Expect.NoContentAsync(await controller.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}"""));
        await Expect.ErrorAsync(await controller.PutAsync("/v1/nfvs/1/forward", "{}"), 400, "key(action) required.");
        await Expect.ErrorAsync(await controller.GetAsync("/v1/bogus"), 404, "Not found: '/v1/bogus'");
        await Expect.ErrorAsync(await controller.DeleteAsync("/v1/processes"), 405, "Method not allowed.");
        await Expect.ErrorAsync(await controller.GetAsync("/v1/nfvs/9"), 404, "sec_id 9 not found.");

        var after = await Metrics.ScrapeAsync(controller);
        Assert.Equal(getsBefore + 1 + 2, Metrics.Value(after, """spp_http_requests_total{method="GET",status="200"}"""));
        Assert.Equal(2, Metrics.Value(after, """spp_http_requests_total{method="GET",status="404"}"""));
        Assert.Equal(1, Metrics.Value(after, """spp_http_requests_total{method="PUT",status="204"}"""));
        Assert.Equal(1, Metrics.Value(after, """spp_http_requests_total{method="PUT",status="400"}"""));
        Assert.Equal(1, Metrics.Value(after, """spp_http_requests_total{method="DELETE",status="405"}"""));
    }

    [Fact]
    public async Task A_timeout_is_counted_and_the_process_that_comes_back_is_a_reconnect()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        nfv.Faults.HangAfterCommands = 0;
        await Expect.ErrorAsync(await controller.GetAsync("/v1/nfvs/1"), 500, "timeout: nfv:1: no reply within 1 s");
        nfv.Faults.HangAfterCommands = null;
        await controller.WaitUntilListedAsync(Controller.Listing(EmulatedKind.Nfv, 1));

        var text = await Metrics.ScrapeAsync(controller);
        Assert.Equal(1, Metrics.Value(text, """spp_commands_total{command="status",outcome="timeout",type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_command_timeouts_total{type="nfv"}"""));
        Assert.Equal(2, Metrics.Value(text, """spp_process_registrations_total{type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_process_reconnects_total{type="nfv"}"""));
        Assert.Equal(0, Metrics.Value(text, """spp_process_replacements_total{type="nfv"}"""));
    }

    [Fact]
    public async Task A_newcomer_that_takes_a_live_place_is_a_replacement()
    {
        var first = await controller.ConnectAsync(EmulatedKind.Nfv, 1, NoRetry);
        first.Faults.HangAfterCommands = 0; // once closed it stays away instead of replacing the newcomer in turn
        var newcomer = controller.Start(EmulatedKind.Nfv, 1, NoRetry);
        await Eventually.HoldsAsync(async () => Metrics.Value(await Metrics.ScrapeAsync(controller),
            """spp_process_replacements_total{type="nfv"}""") == 1, "one replacement");
        var text = await Metrics.ScrapeAsync(controller);
        Assert.Equal(2, Metrics.Value(text, """spp_process_registrations_total{type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_process_reconnects_total{type="nfv"}"""));
        Assert.Equal(1, Metrics.Value(text, """spp_processes_connected{type="nfv"}"""));
        Assert.True(newcomer.IsConnected);
    }

    [Fact]
    public async Task A_silent_newcomer_is_an_identification_timeout()
    {
        var silent = controller.Start(EmulatedKind.Nfv, 1, NoRetry with { InitialFaults = f => f.SilentHandshake = true });
        await Eventually.HoldsAsync(async () => Metrics.Value(await Metrics.ScrapeAsync(controller),
            "spp_identification_timeouts_total") == 1, "one identification timeout", TimeSpan.FromSeconds(15));
        Assert.Equal(0, Metrics.Value(await Metrics.ScrapeAsync(controller), """spp_processes_connected{type="nfv"}"""));
        await silent.DisposeAsync();
    }

    [Fact]
    public async Task Two_daemons_in_one_process_count_apart()
    {
        await using var other = await Controller.StartAsync();
        await other.ConnectAsync(EmulatedKind.Nfv, 1);
        await Expect.JsonAsync(await other.GetAsync("/v1/nfvs/1"));
        var text = await Metrics.ScrapeAsync(controller);
        Assert.Equal(0, Metrics.Value(text, """spp_commands_total{command="status",outcome="replied",type="nfv"}"""));
        Assert.Equal(0, Metrics.Value(text, """spp_processes_connected{type="nfv"}"""));
    }
}
