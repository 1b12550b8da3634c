using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Spp.Emulator.Tests;

public sealed class FaultTests : IAsyncLifetime
{
    private const string VfHandshake = """{ "results": [ { "result": "success" } ], "client_id": 2, "process_type": "vf" }""";

    private readonly FakeController _controller = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _controller.DisposeAsync();

    [Fact]
    public async Task Reply_delay_holds_each_reply_back()
    {
        var (vf, connection) = await _controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        using var __ = connection;
        vf.Faults.ReplyDelay = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        Assert.Equal(VfHandshake, await connection.StreamAsync("_get_client_id"));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"replied after {clock.Elapsed}");
    }

    [Fact]
    public async Task Split_replies_arrive_in_several_reads_worker_family()
    {
        var (vf, connection) = await _controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        using var __ = connection;
        vf.Faults.SplitSegmentBytes = 20;
        vf.Faults.SplitPause = TimeSpan.FromMilliseconds(30);

        await connection.SendAsync("_get_client_id");
        var (bytes, reads) = await connection.ReadCountingAsync(VfHandshake.Length);

        Assert.Equal(VfHandshake, Encoding.ASCII.GetString(bytes));
        Assert.True(reads >= 2, $"{reads} reads");
    }

    [Fact]
    public async Task Split_replies_arrive_in_several_reads_padded_family()
    {
        var (nfv, connection) = await _controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;
        using var __ = connection;
        nfv.Faults.SplitSegmentBytes = 8192;
        nfv.Faults.SplitPause = TimeSpan.FromMilliseconds(30);

        await connection.SendAsync("forward");
        var (bytes, reads) = await connection.ReadCountingAsync(ControllerConnection.BlockSize);

        Assert.StartsWith("""{"result":"succeeded","command":"forward"}""" + "\0", Encoding.ASCII.GetString(bytes));
        Assert.True(reads >= 2, $"{reads} reads");
    }

    [Fact]
    public async Task Hang_after_n_answers_n_commands_then_reads_and_ignores()
    {
        var (vf, connection) = await _controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        using var __ = connection;
        vf.Faults.HangAfterCommands = 1;

        Assert.Equal(VfHandshake, await connection.StreamAsync("_get_client_id"));
        await connection.SendAsync("status");

        Assert.True(await connection.StaysSilentAsync(TestOptions.Silence));
        Assert.Equal(1, vf.CommandCount("status"));
        Assert.Equal(0, vf.Faults.HangAfterCommands);

        vf.Faults.HangAfterCommands = null;
        Assert.Equal(VfHandshake, await connection.StreamAsync("_get_client_id"));
    }

    [Fact]
    public async Task Close_after_n_closes_after_the_nth_reply_then_reconnects_with_state()
    {
        var (nfv, first) = await _controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;
        using var __ = first;
        nfv.Faults.CloseAfterCommands = 2;

        await first.PaddedAsync("_get_client_id");
        await first.SendAsync("forward");
        Assert.Equal(ControllerConnection.BlockSize, (await first.ReadUntilClosedAsync()).Length);

        using var second = await _controller.AcceptAsync();
        Assert.Contains("\"status\":\"running\"", await second.PaddedAsync("status"));
        Assert.Equal(2, nfv.ConnectionCount);
        Assert.Null(nfv.Faults.CloseAfterCommands);
    }

    [Fact]
    public async Task Text_garbage_is_padded_in_the_padded_family()
    {
        var (nfv, connection) = await _controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;
        using var __ = connection;
        nfv.Faults.Garbage = GarbageKind.Text;

        Assert.Equal("status: idling", await connection.PaddedAsync("status"));
    }

    [Fact]
    public async Task Binary_garbage_is_not_utf8_and_not_padded_in_the_worker_family()
    {
        var (vf, connection) = await _controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        using var __ = connection;
        vf.Faults.Garbage = GarbageKind.Binary;

        await connection.SendAsync("status");
        var bytes = await connection.ReadUntilIdleAsync(TestOptions.Silence);

        Assert.Equal(64, bytes.Length);
        Assert.DoesNotContain((byte)0, bytes);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }

    [Fact]
    public async Task Binary_garbage_is_padded_in_the_padded_family()
    {
        var (primary, connection) = await _controller.StartAsync(EmulatedKind.Primary);
        await using var _ = primary;
        using var __ = connection;
        primary.Faults.Garbage = GarbageKind.Binary;

        var block = await connection.BlockAsync("status");

        Assert.All(block[..64], b => Assert.True(b >= 0x80));
        Assert.True(block.AsSpan(64).IndexOfAnyExcept((byte)0) < 0, "the block is NUL after the garbage");
    }

    [Fact]
    public async Task Silent_handshake_never_answers_get_client_id_but_answers_the_rest()
    {
        var (vf, connection) = await _controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        using var __ = connection;
        vf.Faults.SilentHandshake = true;

        await connection.SendAsync("_get_client_id");
        Assert.True(await connection.StaysSilentAsync(TestOptions.Silence));

        Assert.StartsWith("""{ "results": [ { "result": "success" } ], "info": """, await connection.StreamAsync("status"));
    }

    [Fact]
    public async Task Claimed_id_and_type_replace_the_handshake_values_in_the_process_style()
    {
        var (vf, vfConnection) = await _controller.StartAsync(EmulatedKind.Vf, 2);
        await using var _ = vf;
        using var __ = vfConnection;
        vf.Faults.ClaimedClientId = 9;
        vf.Faults.ClaimedProcessType = "nfv";

        Assert.Equal(
            """{ "results": [ { "result": "success" } ], "client_id": 9, "process_type": "nfv" }""",
            await vfConnection.StreamAsync("_get_client_id"));
        Assert.Contains("\"client-id\": 2,", await vfConnection.StreamAsync("status"));
    }

    [Fact]
    public async Task Claimed_type_of_nfv_stays_compact_and_padded()
    {
        var (nfv, connection) = await _controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;
        using var __ = connection;
        nfv.Faults.ClaimedProcessType = "pcap";

        Assert.Equal(
            """{"results":[{"result":"success"}],"client_id":1,"process_type":"pcap"}""",
            await connection.PaddedAsync("_get_client_id"));
    }

    [Fact]
    public async Task Exact_reply_answers_every_command_but_the_handshake()
    {
        var (nfv, connection) = await _controller.StartAsync(EmulatedKind.Nfv, 1);
        await using var _ = nfv;
        using var __ = connection;
        nfv.Faults.ExactReply = "status: idling";

        Assert.StartsWith("{\"results\":", await connection.PaddedAsync("_get_client_id"));
        Assert.Equal("status: idling", await connection.PaddedAsync("status"));
    }

    [Theory]
    [InlineData(EmulatedKind.Vf, 5000)]
    [InlineData(EmulatedKind.Vf, 40000)]
    [InlineData(EmulatedKind.Mirror, 40000)]
    [InlineData(EmulatedKind.Pcap, 40000)]
    public async Task Inflated_status_of_the_worker_family_is_long_valid_spaced_json(EmulatedKind kind, int size)
    {
        var (process, connection) = await _controller.StartAsync(kind, 2);
        await using var _ = process;
        using var __ = connection;
        process.Faults.InflateStatusBytes = size;

        var status = await connection.StreamAsync("status");

        Assert.InRange(status.Length, size, size + 200);
        Assert.StartsWith("""{ "results": [ { "result": "success" } ], "info": { "client-id": 2, """, status);
        Assert.EndsWith(" ] } }", status);
        using var json = JsonDocument.Parse(status);
    }

    [Theory]
    [InlineData(EmulatedKind.Primary, 5000)]
    [InlineData(EmulatedKind.Nfv, 5000)]
    public async Task Inflated_status_of_the_padded_family_is_long_valid_compact_json(EmulatedKind kind, int size)
    {
        var (process, connection) = await _controller.StartAsync(kind, 1);
        await using var _ = process;
        using var __ = connection;
        process.Faults.InflateStatusBytes = size;

        var status = await connection.PaddedAsync("status");

        Assert.InRange(status.Length, size, size + 200);
        Assert.DoesNotContain(" ", status);
        using var json = JsonDocument.Parse(status);
    }

    [Theory]
    [InlineData(EmulatedKind.Primary)]
    [InlineData(EmulatedKind.Nfv)]
    public async Task Inflated_status_of_the_padded_family_stays_within_its_block(EmulatedKind kind)
    {
        var (process, connection) = await _controller.StartAsync(kind, 1);
        await using var _ = process;
        using var __ = connection;
        process.Faults.InflateStatusBytes = 100_000;

        var status = await connection.PaddedAsync("status");

        Assert.InRange(status.Length, 32000, ControllerConnection.BlockSize - 1);
        using var json = JsonDocument.Parse(status);
    }
}
