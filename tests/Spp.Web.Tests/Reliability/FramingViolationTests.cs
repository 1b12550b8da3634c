using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// After any fault the connection is either in step or closed: a reply framed cleanly but unusable keeps it, a
/// framing violation closes it (and a real process then reconnects by itself).
/// </summary>
public sealed class FramingViolationTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync(TimeSpan.FromSeconds(5));

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private async Task<RawProcess> RegisteredVfAsync(int clientId)
    {
        var process = await RawProcess.ConnectAsync(controller.Daemon.SecondaryPort);
        await process.IdentifyAsVfAsync(clientId);
        await controller.WaitUntilListedAsync($$"""{"type":"vf","client-id":{{clientId}}}""");
        return process;
    }

    [Fact]
    public async Task Bytes_arriving_while_no_command_is_pending_close_the_connection()
    {
        await using var process = await RegisteredVfAsync(7);
        await process.SendAsync("""{ "results": [ { "result": "success" } ] }""");
        Assert.True(await process.ClosedByControllerAsync());
        await controller.WaitUntilNotListedAsync("\"client-id\":7");
    }

    [Fact]
    public async Task Nul_padding_while_no_command_is_pending_is_harmless()
    {
        await using var process = await RegisteredVfAsync(7);
        await process.SendAsync(new byte[1000]);
        var status = controller.GetAsync("/v1/vfs/7");
        Assert.Equal("status", await process.ReadCommandAsync());
        await process.SendAsync("""{ "results": [ { "result": "success" } ], "info": { "client-id": 7, "phy": [  ], "vhost": [  ], "ring": [  ], "master-lcore": 1, "core": [  ] } }""");
        Assert.Equal("""{"client-id":7,"ports":[],"master-lcore":1,"components":[]}""", await Expect.JsonAsync(await status));
    }

    [Fact]
    public async Task A_reply_over_16_MiB_is_an_invalid_reply_and_closes_the_connection()
    {
        await using var process = await RegisteredVfAsync(7);
        var status = controller.GetAsync("/v1/vfs/7");
        Assert.Equal("status", await process.ReadCommandAsync());
        var endless = new byte[17 * 1024 * 1024];
        Array.Fill(endless, (byte)'[');
        try
        {
            await process.SendAsync(endless);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The controller may close the connection before everything was sent.
        }
        await Expect.ErrorAsync(await status, 500, "invalid reply: vf:7: reply too large");
        await controller.WaitUntilNotListedAsync("\"client-id\":7");
    }

    [Fact]
    public async Task A_reply_that_is_not_json_keeps_the_connection_in_step()
    {
        await using var process = await RegisteredVfAsync(7);
        var first = controller.GetAsync("/v1/vfs/7");
        Assert.Equal("status", await process.ReadCommandAsync());
        await process.SendAsync("garbage without a closing anything");
        await Expect.ErrorAsync(await first, 500, "invalid reply: vf:7: not JSON");

        var second = controller.DeleteAsync("/v1/vfs/7/components/x");
        Assert.Equal("component stop x", await process.ReadCommandAsync());
        await process.SendAsync("""{ "results": [ { "result": "success" } ] }""");
        await Expect.NoContentAsync(await second);
    }
}
