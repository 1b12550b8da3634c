using Spp.Actors.Tests.Fakes;
using Spp.Protocol;
using static Spp.Actors.Tests.Fakes.FakeProcess;

namespace Spp.Actors.Tests;

/// <summary>rest-api.md 1.9.1: the primary apart, secondaries keyed by client id alone.</summary>
public sealed class RegistryTests : ControllerTest
{
    private static readonly ProcessId Nfv0 = new(ProcessType.Nfv, 0);

    [Fact]
    public async Task A_secondary_with_client_id_0_neither_displaces_nor_impersonates_the_primary()
    {
        var primary = await ConnectAsync(ProcessId.Primary);
        var nfv0 = await ConnectAsync(Nfv0);

        var snapshot = Directory.Snapshot;
        Assert.Equal(primary.Actor, snapshot.Find(ProcessId.Primary)?.Actor);
        Assert.Equal(nfv0.Actor, snapshot.Find(Nfv0)?.Actor);
        Assert.Equal([primary.Actor, nfv0.Actor], snapshot.All.Select(r => r.Actor));

        var status = Ask(ProcessId.Primary, "status");
        Assert.Equal("status", await primary.Process.NextCommandAsync());
        await primary.Process.SendAsync(Padded("""{"status":"running","ports":[]}"""));
        await ExpectRepliedAsync(status, """{"status":"running","ports":[]}""");
        Assert.True(nfv0.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task The_primary_does_not_displace_a_secondary_with_client_id_0()
    {
        var nfv0 = await ConnectAsync(Nfv0);
        var primary = await ConnectAsync(ProcessId.Primary);

        Assert.Equal(nfv0.Actor, Directory.Snapshot.Find(Nfv0)?.Actor);
        Assert.Equal(primary.Actor, Directory.Snapshot.Primary?.Actor);
        var status = Ask(Nfv0, "status");
        Assert.Equal("status", await nfv0.Process.NextCommandAsync());
        await nfv0.Process.SendAsync(Padded("""{"client-id":0,"status":"idling","ports":[],"patches":[]}"""));
        await ExpectRepliedAsync(status, """{"client-id":0,"status":"idling","ports":[],"patches":[]}""");
        Assert.True(primary.Process.HasNoCommandWaiting());
    }

    [Fact]
    public async Task A_secondary_registered_with_another_type_counts_as_not_found()
    {
        await ConnectAsync(Nfv0);

        Assert.Null(Directory.Snapshot.Find(new ProcessId(ProcessType.Vf, 0)));
        await ExpectGoneAsync(Ask(new ProcessId(ProcessType.Vf, 0), "status"));
    }

    [Fact]
    public async Task The_primary_is_listed_first_then_secondaries_by_ascending_client_id()
    {
        var vf3 = await ConnectAsync(new ProcessId(ProcessType.Vf, 3));
        var nfv0 = await ConnectAsync(Nfv0);
        var primary = await ConnectAsync(ProcessId.Primary);
        var pcap2 = await ConnectAsync(new ProcessId(ProcessType.Pcap, 2));

        Assert.Equal([primary.Actor, nfv0.Actor, pcap2.Actor, vf3.Actor], Directory.Snapshot.All.Select(r => r.Actor));
    }

    [Fact]
    public async Task Asking_for_a_process_that_is_not_registered_is_answered_gone()
    {
        await ExpectGoneAsync(Ask(new ProcessId(ProcessType.Mirror, 7), "status"));
    }
}
