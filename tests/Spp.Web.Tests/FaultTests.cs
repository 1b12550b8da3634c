using System.Diagnostics;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 1.9.3-1.9.5: a failing, hung or reconnecting process gets a bounded, explained answer.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private Controller controller = null!;
    private Controller impatient = null!;

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        impatient = await Controller.StartAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await controller.DisposeAsync();
        await impatient.DisposeAsync();
    }

    private static EmulatorOptions With(Action<FaultSettings> faults, TimeSpan? retry = null) =>
        Controller.FastEmulator with { InitialFaults = faults, RetryInterval = retry ?? Controller.FastEmulator.RetryInterval };

    [Fact]
    public async Task A_hung_process_times_out_within_the_timeout_and_is_removed()
    {
        var nfv = await impatient.ConnectAsync(EmulatedKind.Nfv, 1, With(_ => { }, retry: TimeSpan.FromHours(1)));
        nfv.Faults.HangAfterCommands = 0;
        var clock = Stopwatch.StartNew();
        await Expect.ErrorAsync(await impatient.GetAsync("/v1/nfvs/1"), 500, "timeout: nfv:1: no reply within 1 s");
        Assert.InRange(clock.Elapsed, Timeout, Timeout + TimeSpan.FromSeconds(1));
        await Expect.ErrorAsync(await impatient.GetAsync("/v1/nfvs/1"), 404, "sec_id 1 not found.");
    }

    [Fact]
    public async Task A_hung_process_never_delays_other_processes_or_the_listing()
    {
        var hung = await impatient.ConnectAsync(EmulatedKind.Nfv, 1);
        await impatient.ConnectAsync(EmulatedKind.Nfv, 2);
        hung.Faults.HangAfterCommands = 0;
        var stuck = impatient.GetAsync("/v1/nfvs/1");
        await hung.WaitUntilAsync(p => p.CommandCount("status") == 1, Controller.Patience);

        var clock = Stopwatch.StartNew();
        await Expect.JsonAsync(await impatient.GetAsync("/v1/processes"));
        await Expect.JsonAsync(await impatient.GetAsync("/v1/nfvs/2"));
        await impatient.ConnectAsync(EmulatedKind.Vf, 3);
        Assert.False(stuck.IsCompleted);
        Assert.True(clock.Elapsed < Timeout, $"others took {clock.Elapsed}");
        await Expect.ErrorAsync(await stuck, 500, "timeout: nfv:1: no reply within 1 s");
    }

    [Fact]
    public async Task Requests_queued_behind_a_hung_command_are_bounded_too()
    {
        var nfv = await impatient.ConnectAsync(EmulatedKind.Nfv, 1, With(_ => { }, retry: TimeSpan.FromHours(1)));
        nfv.Faults.HangAfterCommands = 0;
        var first = impatient.GetAsync("/v1/nfvs/1");
        await nfv.WaitUntilAsync(p => p.CommandCount("status") == 1, Controller.Patience);
        var queued = impatient.PutAsync("/v1/nfvs/1/forward", """{"action":"start"}""");
        await Expect.ErrorAsync(await first, 500, "timeout: nfv:1: no reply within 1 s");
        await Expect.ErrorAsync(await queued, 404, "sec_id 1 not found.");
        Assert.DoesNotContain("forward", Sent.Commands(nfv));
    }

    [Fact]
    public async Task A_connection_closed_during_a_command_is_a_communication_error_and_the_process_comes_back()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        nfv.Faults.HangAfterCommands = 0;
        var request = controller.GetAsync("/v1/nfvs/1");
        await nfv.WaitUntilAsync(p => p.CommandCount("status") == 1, Controller.Patience);
        nfv.Faults.HangAfterCommands = null;
        await nfv.DisconnectAsync();
        await Expect.ErrorAsync(await request, 500, "communication error: nfv:1: connection closed");
        await Eventually.HoldsAsync(async () => (await controller.GetAsync("/v1/nfvs/1")).IsSuccessStatusCode, "nfv 1 back");
    }

    [Fact]
    public async Task A_text_reply_to_status_is_an_invalid_reply_and_the_process_stays()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        nfv.Faults.ExactReply = "status: idling";
        await Expect.ErrorAsync(await controller.GetAsync("/v1/nfvs/1"), 500, "invalid reply: nfv:1: not a JSON object");
        nfv.Faults.ExactReply = null;
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        Assert.Equal(1, nfv.ConnectionCount);
    }

    [Theory]
    [InlineData(GarbageKind.Text)]
    [InlineData(GarbageKind.Binary)]
    public async Task Garbage_replies_are_invalid_replies_and_the_line_stays_in_step(GarbageKind garbage)
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        var vf = await controller.ConnectAsync(EmulatedKind.Vf, 2);
        nfv.Faults.Garbage = garbage;
        vf.Faults.Garbage = garbage;
        await Expect.ErrorStartingAsync(await controller.GetAsync("/v1/nfvs/1"), 500, "invalid reply: nfv:1: ");
        await Expect.ErrorStartingAsync(await controller.GetAsync("/v1/vfs/2"), 500, "invalid reply: vf:2: ");
        nfv.Faults.Garbage = GarbageKind.None;
        vf.Faults.Garbage = GarbageKind.None;
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
        await Expect.JsonAsync(await controller.GetAsync("/v1/vfs/2"));
    }

    [Theory]
    [InlineData(EmulatedKind.Nfv, "/v1/nfvs/1")]
    [InlineData(EmulatedKind.Vf, "/v1/vfs/1")]
    [InlineData(EmulatedKind.Primary, "/v1/primary/status")]
    public async Task Replies_split_into_many_segments_are_framed_whole(EmulatedKind kind, string path)
    {
        var process = await controller.ConnectAsync(kind, 1);
        var whole = await Expect.JsonAsync(await controller.GetAsync(path));
        process.Faults.SplitSegmentBytes = 7;
        process.Faults.SplitPause = TimeSpan.FromMilliseconds(2);
        // A padded reply's JSON is complete long before its 32 KiB block has trickled in, so one request is enough.
        Assert.Equal(whole, await Expect.JsonAsync(await controller.GetAsync(path)));
    }

    [Theory]
    [InlineData(EmulatedKind.Vf, "/v1/vfs/1", 40000)]
    [InlineData(EmulatedKind.Mirror, "/v1/mirrors/1", 5000)]
    [InlineData(EmulatedKind.Nfv, "/v1/nfvs/1", 20000)]
    public async Task Status_replies_over_4096_bytes_in_several_segments_are_framed_whole(EmulatedKind kind, string path, int size)
    {
        var process = await controller.ConnectAsync(kind, 1);
        process.Faults.InflateStatusBytes = size;
        process.Faults.SplitSegmentBytes = 1500;
        var body = await Expect.JsonAsync(await controller.GetAsync(path));
        Assert.True(body.Length > 4096, $"{body.Length} bytes");
        await Expect.JsonAsync(await controller.GetAsync(path));
    }

    [Fact]
    public async Task A_slow_reply_within_the_timeout_succeeds()
    {
        var nfv = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        nfv.Faults.ReplyDelay = TimeSpan.FromMilliseconds(300);
        await Expect.JsonAsync(await controller.GetAsync("/v1/nfvs/1"));
    }

    [Fact]
    public async Task A_reconnect_fails_the_command_in_flight_and_moves_queued_requests_to_the_new_connection()
    {
        var old = await controller.ConnectAsync(EmulatedKind.Vf, 2);
        old.Faults.HangAfterCommands = 0;
        var inFlight = controller.DeleteAsync("/v1/vfs/2/components/x");
        await old.WaitUntilAsync(p => p.CommandCount("component stop x") == 1, Controller.Patience);
        var queued = controller.GetAsync("/v1/vfs/2");

        var replacement = controller.Start(EmulatedKind.Vf, 2);
        await Expect.ErrorAsync(await inFlight, 500, "communication error: vf:2: connection replaced");
        await Expect.JsonAsync(await queued);
        Assert.Equal(["component stop x"], Sent.Commands(old));
        Assert.Equal(["status"], Sent.Commands(replacement));
    }

    [Fact]
    public async Task A_newcomer_that_does_not_identify_is_closed_after_5_seconds()
    {
        var silent = controller.Start(EmulatedKind.Nfv, 8, With(f => f.SilentHandshake = true));
        await silent.WaitUntilAsync(p => p.IsConnected, Controller.Patience);
        var clock = Stopwatch.StartNew();
        await silent.WaitUntilAsync(p => p.ConnectionCount == 2, TimeSpan.FromSeconds(8));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(6.5));
    }

    [Theory]
    [InlineData("spp_nfv")]
    [InlineData("bogus")]
    public async Task A_newcomer_with_an_unknown_process_type_is_not_registered(string claimed)
    {
        controller.Start(EmulatedKind.Nfv, 8, With(f => f.ClaimedProcessType = claimed));
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        Assert.Equal("""[{"type":"nfv","client-id":1}]""", await controller.GetStringAsync("/v1/processes"));
    }
}
