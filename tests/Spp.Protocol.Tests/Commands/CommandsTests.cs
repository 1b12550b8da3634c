using Spp.Protocol.Grammar;
using PaddedCommands = Spp.Protocol.Commands.Commands;

namespace Spp.Protocol.Tests.Commands;

/// <summary>The commands of spp_primary and spp_nfv: rest-api.md 2.2.2-2.2.8, 2.3; wire-protocol.md 5, 6.</summary>
public class CommandsTests
{
    [Fact]
    public void Identification_is_the_14_bytes_get_client_id()
    {
        Assert.Equal("_get_client_id", PaddedCommands.GetClientId);
        Assert.Equal(14, PaddedCommands.GetClientId.Length);
    }

    [Fact]
    public void Status_clear_exit_and_patch_reset_are_fixed_words()
    {
        Assert.Equal("status", PaddedCommands.Status);
        Assert.Equal("clear", PaddedCommands.Clear);
        Assert.Equal("exit", PaddedCommands.Exit);
        Assert.Equal("patch reset", PaddedCommands.PatchReset);
    }

    [Fact]
    public void Start_is_forward_and_stop_is_stop()
    {
        Assert.Equal("forward", PaddedCommands.Forward(start: true));
        Assert.Equal("stop", PaddedCommands.Forward(start: false));
    }

    [Theory]
    [InlineData("ring:0", "add ring:0")]
    [InlineData("vhost:1", "add vhost:1")]
    [InlineData("pcap:1", "add pcap:1")]
    [InlineData("memif:0", "add memif:0")]
    [InlineData("nullpmd:1", "add nullpmd:1")]
    [InlineData("ring:01", "add ring:01")]
    public void Add_is_add_and_the_port(string port, string command) => Assert.Equal(command, PaddedCommands.Add(Uid(port)));

    [Fact]
    public void A_pipe_is_added_with_its_two_rings() =>
        Assert.Equal("add pipe:0 ring:0 ring:1", PaddedCommands.AddPipe(Uid("pipe:0"), Uid("ring:0"), Uid("ring:1")));

    [Theory]
    [InlineData("pipe:0", "del pipe:0")]
    [InlineData("vhost:1", "del vhost:1")]
    public void Del_is_del_and_the_port(string port, string command) => Assert.Equal(command, PaddedCommands.Del(Uid(port)));

    [Fact]
    public void Patch_is_patch_source_destination() =>
        Assert.Equal("patch phy:0 ring:0", PaddedCommands.Patch(Uid("phy:0"), Uid("ring:0")));

    [Fact]
    public void A_spaced_multi_queue_port_is_patched_compact() =>
        Assert.Equal("patch phy:0nq1 ring:0", PaddedCommands.Patch(Uid("phy:0 nq 1"), Uid("ring:0")));

    [Fact]
    public void A_compact_multi_queue_port_is_patched_as_given() =>
        Assert.Equal("patch ring:0 phy:0nq1", PaddedCommands.Patch(Uid("ring:0"), Uid("phy:0nq1")));

    internal static ResourceId Uid(string text)
    {
        Assert.True(ResourceId.TryParse(text, out var id), text);
        return id;
    }
}
