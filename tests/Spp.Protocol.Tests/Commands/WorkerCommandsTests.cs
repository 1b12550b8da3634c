using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;
using static Spp.Protocol.Tests.Commands.CommandsTests;

namespace Spp.Protocol.Tests.Commands;

/// <summary>The commands of spp_vf, spp_mirror and spp_pcap: rest-api.md 2.4-2.6; wire-protocol.md 8-10.</summary>
public class WorkerCommandsTests
{
    [Theory]
    [InlineData("fwd1", 2, "forward", "component start fwd1 2 forward")]
    [InlineData("c1", 3, "classifier", "component start c1 3 classifier")]
    [InlineData("mg1", 4, "merge", "component start mg1 4 merge")]
    [InlineData("mr1", 12, "mirror", "component start mr1 12 mirror")]
    public void Component_start_is_name_core_type(string name, long core, string type, string command) =>
        Assert.Equal(command, WorkerCommands.ComponentStart(name, core, type));

    [Fact]
    public void Component_stop_is_the_name() => Assert.Equal("component stop fwd1", WorkerCommands.ComponentStop("fwd1"));

    [Fact]
    public void Attach_without_vlan_operation_is_port_add() =>
        Assert.Equal("port add ring:0 rx fwd1", WorkerCommands.PortAdd(Uid("ring:0"), "rx", "fwd1"));

    [Fact]
    public void Attach_of_a_multi_queue_port() =>
        Assert.Equal("port add phy:0nq1 rx fwd1", WorkerCommands.PortAdd(Uid("phy:0nq1"), "rx", "fwd1"));

    [Fact]
    public void Attach_of_a_spaced_multi_queue_port_is_sent_compact() =>
        Assert.Equal("port add phy:0nq1 tx fwd1", WorkerCommands.PortAdd(Uid("phy:0 nq 1"), "tx", "fwd1"));

    [Fact]
    public void Attach_with_add_pushes_the_tag_id_and_pcp() =>
        Assert.Equal("port add vhost:1 rx fwd1 add_vlantag 677 0",
            WorkerCommands.PortAdd(Uid("vhost:1"), "rx", "fwd1", new VlanTagging.Push(677, 0)));

    [Fact]
    public void Attach_with_del_strips_the_tag() =>
        Assert.Equal("port add vhost:1 tx fwd1 del_vlantag",
            WorkerCommands.PortAdd(Uid("vhost:1"), "tx", "fwd1", new VlanTagging.Strip()));

    [Fact]
    public void Attach_to_a_mirror() => Assert.Equal("port add ring:1 rx mr1", WorkerCommands.PortAdd(Uid("ring:1"), "rx", "mr1"));

    [Fact]
    public void Detach_is_port_del() =>
        Assert.Equal("port del vhost:0 tx fwd1", WorkerCommands.PortDel(Uid("vhost:0"), "tx", "fwd1"));

    [Fact]
    public void The_longest_port_command_has_eight_tokens() =>
        Assert.True(CommandLimits.Worker.Admits(
            WorkerCommands.PortAdd(Uid("phy:2147483647nq2147483647"), "rx", new string('n', 31), new VlanTagging.Push(4095, 7))));

    [Fact]
    public void A_mac_entry_is_action_mac_address_port() =>
        Assert.Equal("classifier_table add mac FA:16:3E:7D:CC:35 ring:0",
            WorkerCommands.ClassifierMac("add", "FA:16:3E:7D:CC:35", Uid("ring:0")));

    [Fact]
    public void A_vlan_entry_is_action_vlan_id_address_port() =>
        Assert.Equal("classifier_table del vlan 475 FA:16:3E:7D:CC:35 ring:0",
            WorkerCommands.ClassifierVlan("del", 475, "FA:16:3E:7D:CC:35", Uid("ring:0")));

    [Fact]
    public void A_default_vlan_entry_carries_the_word_default() =>
        Assert.Equal("classifier_table add vlan 101 default ring:1",
            WorkerCommands.ClassifierVlan("add", 101, "default", Uid("ring:1")));

    [Fact]
    public void Capture_is_start_or_stop()
    {
        Assert.Equal("start", WorkerCommands.CaptureStart);
        Assert.Equal("stop", WorkerCommands.CaptureStop);
    }
}
