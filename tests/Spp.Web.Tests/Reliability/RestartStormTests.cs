using System.Diagnostics;
using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Reliability;

/// <summary>
/// After a controller restart every process reconnects within a second, all at once. The upstream controller
/// listens with a backlog of 1 and strands most of such a burst; all 64 must be registered within 5 s.
/// </summary>
public sealed class RestartStormTests
{
    [Fact]
    public async Task Sixty_four_secondaries_connecting_at_once_are_all_registered_within_5_seconds()
    {
        var (primaryPort, secondaryPort) = (FreePort.Next(), FreePort.Next());
        EmulatedKind[] kinds = [EmulatedKind.Nfv, EmulatedKind.Vf, EmulatedKind.Mirror, EmulatedKind.Pcap];
        var waiting = Enumerable.Range(1, 64)
            .Select(id => EmulatedProcess.Start(kinds[id % 4], id, new ControllerEndpoint("127.0.0.1", secondaryPort),
                new EmulatorOptions { RetryInterval = TimeSpan.FromSeconds(1) }))
            .ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            await using var controller = await Controller.StartAsync(tune: o => o with { PrimaryPort = primaryPort, SecondaryPort = secondaryPort });
            await Eventually.HoldsAsync(async () => (await controller.GetStringAsync("/v1/processes")).Split("client-id").Length - 1 == 64,
                "all 64 listed", TimeSpan.FromSeconds(10));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }
        finally
        {
            foreach (var process in waiting) await process.DisposeAsync();
        }
    }
}
