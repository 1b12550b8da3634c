using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.1: the primary apart, secondaries keyed by client id alone.</summary>
public sealed class RegistryTests
{
    private static readonly ProcessId Nfv0 = new(ProcessType.Nfv, 0);

    private readonly Controller controller = new();

    [Fact]
    public async Task A_secondary_with_client_id_0_neither_displaces_nor_impersonates_the_primary()
    {
        var primary = await controller.ConnectAsync(ProcessId.Primary);
        var nfv0 = await controller.ConnectAsync(Nfv0);

        var snapshot = controller.Registry.Snapshot;
        Assert.Same(primary.Actor, snapshot.Find(ProcessId.Primary));
        Assert.Same(nfv0.Actor, snapshot.Find(Nfv0));
        Assert.Equal([primary.Actor, nfv0.Actor], snapshot.All);

        var status = controller.AskAsync(ProcessId.Primary, "status");
        Assert.Equal("status", await primary.Process.NextCommandAsync());
        await primary.Process.SendAsync(Padded("""{"status":"running","ports":[]}"""));
        Expect.Replied("""{"status":"running","ports":[]}""", await status.Answer());
        Assert.True(nfv0.Process.HasNoCommandWaiting());
        Assert.False(primary.Loop.IsCompleted);
    }

    [Fact]
    public async Task The_primary_does_not_displace_a_secondary_with_client_id_0()
    {
        var nfv0 = await controller.ConnectAsync(Nfv0);
        var primary = await controller.ConnectAsync(ProcessId.Primary);

        Assert.Same(nfv0.Actor, controller.Registry.Snapshot.Find(Nfv0));
        Assert.Same(primary.Actor, controller.Registry.Snapshot.Primary);
        Assert.False(nfv0.Loop.IsCompleted);
    }

    [Fact]
    public async Task A_secondary_registered_with_another_type_counts_as_not_found()
    {
        await controller.ConnectAsync(Nfv0);

        Assert.Null(controller.Registry.Snapshot.Find(new ProcessId(ProcessType.Vf, 0)));
        Expect.Gone(await controller.AskAsync(new ProcessId(ProcessType.Vf, 0), "status").Answer());
    }

    [Fact]
    public async Task The_primary_is_listed_first_then_secondaries_by_ascending_client_id()
    {
        var vf3 = await controller.ConnectAsync(new ProcessId(ProcessType.Vf, 3));
        var nfv0 = await controller.ConnectAsync(Nfv0);
        var primary = await controller.ConnectAsync(ProcessId.Primary);
        var pcap2 = await controller.ConnectAsync(new ProcessId(ProcessType.Pcap, 2));

        Assert.Equal([primary.Actor, nfv0.Actor, pcap2.Actor, vf3.Actor], controller.Registry.Snapshot.All);
    }

    [Fact]
    public async Task Asking_for_a_process_that_is_not_registered_is_answered_gone_at_once()
    {
        var outcome = controller.AskAsync(new ProcessId(ProcessType.Mirror, 7), "status");

        Assert.True(outcome.IsCompleted);
        Expect.Gone(await outcome);
    }
}
