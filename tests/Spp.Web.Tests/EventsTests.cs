using Microsoft.Extensions.DependencyInjection;
using Spp.Actors.Events;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>GET /v1/events: what happens to processes and commands, streamed as Server-Sent Events to a real HTTP client.</summary>
public sealed class EventsTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync();

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private static EmulatorOptions NoReconnect => Controller.FastEmulator with { RetryInterval = TimeSpan.FromHours(1) };

    private static string Names(IEnumerable<ServerEvent> events) => string.Join(" ", events.Select(e => e.Name));

    [Fact]
    public async Task A_secondary_is_connected_then_identified()
    {
        await using var stream = await EventStream.OpenAsync(controller);
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        var events = await stream.TakeAsync(2);
        Assert.Equal("connected identified", Names(events));
        Assert.Equal("secondary", events[0].Text("port"));
        Assert.Equal("nfv:1", events[1].Text("process"));
        Assert.Equal(events[0].Text("peer"), events[1].Text("peer"));
        Assert.StartsWith("127.0.0.1:", events[0].Text("peer"));
    }

    [Fact]
    public async Task The_primary_is_identified_as_soon_as_it_connects()
    {
        await using var stream = await EventStream.OpenAsync(controller);
        await controller.ConnectAsync(EmulatedKind.Primary);
        var events = await stream.TakeAsync(2);
        Assert.Equal(("connected", "primary"), (events[0].Name, events[0].Text("port")));
        Assert.Equal(("identified", "primary"), (events[1].Name, events[1].Text("process")));
    }

    [Fact]
    public async Task A_command_is_reported_with_operator_process_command_and_outcome_and_status_reads_are_not()
    {
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await using var stream = await EventStream.OpenAsync(controller);
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        await Expect.NoContentAsync(await controller.SendAsync("PUT", "/v1/nfvs/1/ports", """{"action":"add","port":"ring:0"}""", ("X-SPP-Operator", "alice")));

        var applied = await stream.NextAsync();
        Assert.Equal("command-applied", applied!.Name);
        Assert.Equal(("alice", "nfv:1", "add ring:0", "success"),
            (applied.Text("operator"), applied.Text("process"), applied.Text("command"), applied.Text("outcome")));
        Assert.True(applied.Data.GetProperty("duration-ms").GetDouble() >= 0);
        Assert.True(DateTimeOffset.TryParse(applied.Text("time"), out _));
    }

    [Fact]
    public async Task A_command_the_process_refuses_is_reported_with_its_error()
    {
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await using var stream = await EventStream.OpenAsync(controller);
        await Expect.ErrorAsync(await controller.PostAsync("/v1/vfs/2/components", """{"name":"fwd9","core":9,"type":"forward"}"""),
            400, "command error: error occur");
        var applied = await stream.NextAsync();
        Assert.Equal(("command-applied", "component start fwd9 9 forward", "error: error occur", "127.0.0.1"),
            (applied!.Name, applied.Text("command"), applied.Text("outcome"), applied.Text("operator")));
    }

    [Fact]
    public async Task A_whole_life_arrives_in_order_with_increasing_ids()
    {
        await using var stream = await EventStream.OpenAsync(controller);
        await controller.ConnectAsync(EmulatedKind.Nfv, 1, NoReconnect);
        await Expect.NoContentAsync(await controller.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}"""));
        await Expect.NoContentAsync(await controller.DeleteAsync("/v1/nfvs/1"));

        var events = await stream.TakeAsync(5);
        Assert.Equal("connected identified command-applied command-applied disconnected", Names(events));
        Assert.Equal(["forward", "exit"], events.Where(e => e.Name == "command-applied").Select(e => e.Text("command")));
        Assert.Equal(("nfv:1", "exit"), (events[4].Text("process"), events[4].Text("reason")));
        var ids = events.Select(e => long.Parse(e.Id!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_replacement_names_the_old_and_the_new_type_and_the_old_connection_is_disconnected()
    {
        await controller.ConnectAsync(EmulatedKind.Nfv, 5, NoReconnect);
        await using var stream = await EventStream.OpenAsync(controller);
        await controller.ConnectAsync(EmulatedKind.Vf, 5);

        var events = await stream.TakeAsync(4);
        Assert.Equal("connected identified replaced disconnected", Names(events));
        var replaced = events[2];
        Assert.Equal(("nfv:5", "vf:5", "nfv", "vf"),
            (replaced.Text("old"), replaced.Text("new"), replaced.Text("old-type"), replaced.Text("new-type")));
        Assert.Equal(("nfv:5", "replaced by a new connection"), (events[3].Text("process"), events[3].Text("reason")));
    }

    [Fact]
    public async Task A_timeout_is_reported_after_the_command_and_before_the_disconnect()
    {
        await using var impatient = await Controller.StartAsync(TimeSpan.FromSeconds(1));
        var nfv = await impatient.ConnectAsync(EmulatedKind.Nfv, 1, NoReconnect);
        await using var stream = await EventStream.OpenAsync(impatient);
        nfv.Faults.HangAfterCommands = 0;
        await Expect.ErrorAsync(await impatient.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}"""), 500, "timeout: nfv:1: no reply within 1 s");

        var events = await stream.TakeAsync(3);
        Assert.Equal("command-applied timed-out disconnected", Names(events));
        Assert.Equal(("forward", "timeout"), (events[0].Text("command"), events[0].Text("outcome")));
        Assert.Equal(("nfv:1", "forward", 1.0), (events[1].Text("process"), events[1].Text("command"), events[1].Data.GetProperty("timeout-s").GetDouble()));
        Assert.Equal("timeout", events[2].Text("reason"));
    }

    [Fact]
    public async Task Several_subscribers_see_the_same_events_in_the_same_order()
    {
        await using var first = await EventStream.OpenAsync(controller);
        await using var second = await EventStream.OpenAsync(controller);
        await using var third = await EventStream.OpenAsync(controller);
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        await controller.ConnectAsync(EmulatedKind.Vf, 2);
        await Task.WhenAll(
            controller.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}"""),
            controller.PostAsync("/v1/vfs/2/components", """{"name":"fwd1","core":2,"type":"forward"}"""));

        var seen = await Task.WhenAll(first.TakeAsync(6), second.TakeAsync(6), third.TakeAsync(6));
        var expected = seen[0].Select(e => (e.Id, e.Name, e.Data.GetRawText())).ToList();
        Assert.All(seen, events => Assert.Equal(expected, events.Select(e => (e.Id, e.Name, e.Data.GetRawText()))));
        Assert.Equal(2, seen[0].Count(e => e.Name == "command-applied"));
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_dropped_with_a_final_event()
    {
        await using var small = await Controller.StartAsync(configuration: new Dictionary<string, string?> { ["Events:SubscriberCapacity"] = "8" });
        var hub = small.Daemon.Services.GetRequiredService<ProcessEvents>();
        await using var stream = await EventStream.OpenAsync(small);

        // Publish without pause while the client reads nothing: its queue fills and it is dropped; the hub never waits.
        var published = 0;
        while (hub.SubscriberCount > 0 && published < 10_000_000)
        {
            hub.Publish(new ProcessEvent.Connected($"192.0.2.1:{published % 65536}", "secondary"));
            published++;
        }
        Assert.Equal(0, hub.SubscriberCount);

        ServerEvent? last = null;
        while (await stream.NextAsync() is { } e) last = e;
        Assert.Equal("dropped", last!.Name);
        Assert.Equal("subscriber too slow: 8 events waiting", last.Text("reason"));
        await Expect.JsonAsync(await small.GetAsync("/v1/processes"));
    }

    [Fact]
    public async Task The_stream_ends_when_the_controller_stops()
    {
        var stopping = await Controller.StartAsync();
        await using var stream = await EventStream.OpenAsync(stopping);
        var stopped = stopping.Daemon.DisposeAsync().AsTask();
        Assert.Null(await stream.NextAsync());
        await stopped.WaitAsync(Controller.Patience);
        stopping.Http.Dispose();
    }

    [Fact]
    public async Task The_events_route_takes_GET_only()
    {
        var response = await controller.PostAsync("/v1/events", "{}");
        await Expect.ErrorAsync(response, 405, "Method not allowed.");
        Assert.Equal("GET", string.Join(",", response.Content.Headers.Allow));
        await Expect.ErrorAsync(await controller.GetAsync("/v1/events/"), 404, "Not found: '/v1/events/'");
    }
}
