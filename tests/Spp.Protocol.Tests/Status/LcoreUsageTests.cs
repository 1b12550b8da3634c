using Spp.Protocol.Status;
using static Spp.Protocol.Tests.Status.StatusVectors;

namespace Spp.Protocol.Tests.Status;

/// <summary>rest-api.md 2.1.2; wire-protocol.md 11.1-11.5.</summary>
public class LcoreUsageTests
{
    [Fact]
    public void The_primary_reports_its_master_lcore_and_lcores()
    {
        var usage = LcoreUsage.Read(ProcessType.Primary, Accepted(ReplyFamily.Padded, Primary))!;

        Assert.Equal(0, usage.MasterLcore);
        Assert.Equal([0, 1], usage.Lcores);
    }

    [Fact]
    public void The_primarys_master_lcore_is_its_first_lcore_when_not_reported()
    {
        var usage = LcoreUsage.Read(ProcessType.Primary, Json("""{"lcores":[2,3],"phy_ports":[],"ring_ports":[]}"""))!;

        Assert.Equal(2, usage.MasterLcore);
        Assert.Equal([2, 3], usage.Lcores);
    }

    [Theory]
    [InlineData("""{"master-lcore":"1","lcores":[2,3]}""")]
    [InlineData("""{"master-lcore":1.5,"lcores":[2,3]}""")]
    [InlineData("""{"master-lcore":null,"lcores":[2,3]}""")]
    public void The_primarys_master_lcore_is_its_first_lcore_when_not_an_integer(string status) =>
        Assert.Equal(2, LcoreUsage.Read(ProcessType.Primary, Json(status))!.MasterLcore);

    [Fact]
    public void The_reported_master_lcore_is_preferred_to_the_first_lcore() =>
        Assert.Equal(3, LcoreUsage.Read(ProcessType.Primary, Json("""{"master-lcore":3,"lcores":[1,3]}"""))!.MasterLcore);

    [Theory]
    [InlineData("""{"master-lcore":0,"phy_ports":[],"ring_ports":[]}""")]
    [InlineData("""{"lcores":[]}""")]
    [InlineData("""{"master-lcore":0,"lcores":[0,"1"]}""")]
    [InlineData("""{"master-lcore":0,"lcores":"0,1"}""")]
    public void A_primary_status_without_usable_lcores_gives_no_usage(string status) =>
        Assert.Null(LcoreUsage.Read(ProcessType.Primary, Json(status)));

    [Fact]
    public void An_nfv_reports_its_master_lcore_and_lcores()
    {
        var usage = LcoreUsage.Read(ProcessType.Nfv, Accepted(ReplyFamily.Padded, Nfv))!;
        Assert.Equal(1, usage.MasterLcore);
        Assert.Equal([1, 2], usage.Lcores);

        var multiQueue = LcoreUsage.Read(ProcessType.Nfv, Accepted(ReplyFamily.Padded, NfvMultiQueue))!;
        Assert.Equal(3, multiQueue.MasterLcore);
        Assert.Equal([3, 4], multiQueue.Lcores);
    }

    [Theory]
    [InlineData("""{"client-id":1,"status":"running","lcores":[1,2]}""")]
    [InlineData("""{"client-id":1,"status":"running","master-lcore":1}""")]
    public void An_nfv_status_lacking_master_lcore_or_lcores_gives_no_usage(string status) =>
        Assert.Null(LcoreUsage.Read(ProcessType.Nfv, Json(status)));

    [Fact]
    public void A_vf_uses_its_master_lcore_then_the_core_of_each_component_in_order()
    {
        var usage = LcoreUsage.Read(ProcessType.Vf, Accepted(ReplyFamily.Stream, Vf))!;

        Assert.Equal(1, usage.MasterLcore);
        Assert.Equal([1, 2, 3, 4, 5], usage.Lcores);
    }

    [Fact]
    public void Components_sharing_a_core_each_list_it()
    {
        var info = Info("""{ "client-id": 3, "master-lcore": 1, "core": [ { "core": 3, "name": "a", "type": "forward" }, { "core": 3, "name": "b", "type": "merge" }, { "core": 4, "type": "unuse" }, { "core": 5, "type": "unuse" } ] }""");

        Assert.Equal([1, 3, 3, 4, 5], LcoreUsage.Read(ProcessType.Vf, info)!.Lcores);
    }

    [Fact]
    public void A_mirror_uses_its_master_lcore_then_its_cores() =>
        Assert.Equal([1, 2, 3], LcoreUsage.Read(ProcessType.Mirror, Accepted(ReplyFamily.Stream, Mirror))!.Lcores);

    [Fact]
    public void A_pcap_uses_its_master_lcore_then_its_receive_and_write_cores()
    {
        var usage = LcoreUsage.Read(ProcessType.Pcap, Accepted(ReplyFamily.Stream, Pcap))!;

        Assert.Equal(1, usage.MasterLcore);
        Assert.Equal([1, 2, 3, 4], usage.Lcores);
    }

    [Fact]
    public void A_worker_without_cores_uses_its_master_lcore_only() =>
        Assert.Equal([1], LcoreUsage.Read(ProcessType.Vf, Info("""{ "master-lcore": 1, "core": [  ] }"""))!.Lcores);

    [Theory]
    [InlineData("""{ "client-id": 2, "core": [ { "core": 2, "type": "unuse" } ] }""")]
    [InlineData("""{ "client-id": 2, "master-lcore": "1", "core": [ { "core": 2, "type": "unuse" } ] }""")]
    [InlineData("""{ "client-id": 2, "master-lcore": 1 }""")]
    [InlineData("""{ "client-id": 2, "master-lcore": 1, "core": { "core": 2 } }""")]
    [InlineData("""{ "client-id": 2, "master-lcore": 1, "core": [ { "type": "unuse" } ] }""")]
    [InlineData("""{ "client-id": 2, "master-lcore": 1, "core": [ 2 ] }""")]
    public void A_worker_info_without_usable_lcores_gives_no_usage(string info) =>
        Assert.Null(LcoreUsage.Read(ProcessType.Vf, Info(info)));
}
