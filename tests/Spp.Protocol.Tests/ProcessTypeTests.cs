namespace Spp.Protocol.Tests;

/// <summary>rest-api.md 1.9.1-1.9.3; wire-protocol.md 2.5, 3.2.</summary>
public class ProcessTypeTests
{
    [Theory]
    [InlineData(ProcessType.Primary, "primary")]
    [InlineData(ProcessType.Nfv, "nfv")]
    [InlineData(ProcessType.Vf, "vf")]
    [InlineData(ProcessType.Mirror, "mirror")]
    [InlineData(ProcessType.Pcap, "pcap")]
    public void Each_type_has_its_wire_name(ProcessType type, string name) => Assert.Equal(name, type.WireName());

    [Theory]
    [InlineData(ProcessType.Primary, ReplyFamily.Padded)]
    [InlineData(ProcessType.Nfv, ReplyFamily.Padded)]
    [InlineData(ProcessType.Vf, ReplyFamily.Stream)]
    [InlineData(ProcessType.Mirror, ReplyFamily.Stream)]
    [InlineData(ProcessType.Pcap, ReplyFamily.Stream)]
    public void Primary_and_nfv_pad_their_replies_and_the_others_do_not(ProcessType type, ReplyFamily family) =>
        Assert.Equal(family, type.Family());

    [Theory]
    [InlineData("nfv", ProcessType.Nfv)]
    [InlineData("vf", ProcessType.Vf)]
    [InlineData("mirror", ProcessType.Mirror)]
    [InlineData("pcap", ProcessType.Pcap)]
    public void A_secondary_is_nfv_vf_mirror_or_pcap(string name, ProcessType type)
    {
        Assert.True(ProcessTypes.TryParseSecondary(name, out var parsed));
        Assert.Equal(type, parsed);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("NFV")]
    [InlineData("spp_nfv")]
    [InlineData("")]
    [InlineData(null)]
    public void Nothing_else_is_a_secondary(string? name) => Assert.False(ProcessTypes.TryParseSecondary(name, out _));

    [Fact]
    public void A_process_is_named_primary_or_type_colon_client_id()
    {
        Assert.Equal("primary", ProcessId.Primary.ToString());
        Assert.Equal("nfv:1", new ProcessId(ProcessType.Nfv, 1).ToString());
        Assert.Equal("vf:2", new ProcessId(ProcessType.Vf, 2).ToString());
        Assert.Equal("mirror:3", new ProcessId(ProcessType.Mirror, 3).ToString());
        Assert.Equal("pcap:0", new ProcessId(ProcessType.Pcap, 0).ToString());
    }

    [Fact]
    public void A_secondary_with_client_id_0_is_not_the_primary() =>
        Assert.NotEqual(ProcessId.Primary, new ProcessId(ProcessType.Nfv, 0));
}
