using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// Two live processes claiming one client id replace each other endlessly (each reconnects at once when closed),
/// which cannot be told apart from restarts: the registry keeps one of them at a time and logs every replacement.
/// </summary>
public sealed class DuplicateClientIdTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync();

    public async Task DisposeAsync() => await controller.DisposeAsync();

    [Fact]
    public async Task Two_processes_claiming_one_client_id_take_turns_and_every_replacement_is_logged()
    {
        var genuine = await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        var impostor = controller.Start(EmulatedKind.Nfv, 2, Controller.FastEmulator with { InitialFaults = f => f.ClaimedClientId = 1 });
        await impostor.WaitUntilAsync(p => p.ConnectionCount >= 3, Controller.Patience);
        await genuine.WaitUntilAsync(p => p.ConnectionCount >= 3, Controller.Patience);

        for (var i = 0; i < 20; i++)
        {
            var listing = await controller.GetStringAsync("/v1/processes");
            Assert.True(listing is "[]" or """[{"type":"nfv","client-id":1}]""", listing);
        }
        Assert.True(controller.Logs.Events.Count(e => e.RenderMessage().Contains("replaced by a new connection")) >= 2);
        await impostor.DisposeAsync();
        await Eventually.HoldsAsync(async () => (await controller.GetAsync("/v1/nfvs/1")).IsSuccessStatusCode, "the genuine nfv 1 answers");
    }
}
