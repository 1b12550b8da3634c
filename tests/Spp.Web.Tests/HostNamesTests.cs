using Spp.Web.Hosts;

namespace Spp.Web.Tests;

/// <summary>A host's name in the API, and the one taken from the machine when none is given.</summary>
public sealed class HostNamesTests
{
    [Theory]
    [InlineData("spp-1", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("Spp-1", false)]
    [InlineData("spp_1", false)]
    [InlineData("spp.example.com", false)]
    public void A_name_is_1_to_63_characters_of_lower_case_letters_digits_and_hyphens(string name, bool valid) =>
        Assert.Equal(valid, HostNames.IsValid(name));

    [Fact]
    public void A_name_of_63_characters_is_valid_and_one_of_64_is_not()
    {
        Assert.True(HostNames.IsValid(new string('a', 63)));
        Assert.False(HostNames.IsValid(new string('a', 64)));
    }

    [Theory]
    [InlineData("spp-host-1", "spp-host-1")]
    [InlineData("SPP-Host-1", "spp-host-1")]
    [InlineData("spp1.example.com", "spp1")]
    [InlineData("Spp_Host_1.lab", "spp-host-1")]
    [InlineData("spp host", "spp-host")]
    [InlineData(".example.com", "localhost")]
    public void The_machine_name_is_made_valid(string machineName, string name) =>
        Assert.Equal(name, HostNames.FromMachineName(machineName));

    [Fact]
    public void A_long_machine_name_is_cut_to_63_characters() =>
        Assert.Equal(new string('b', 63), HostNames.FromMachineName(new string('B', 70) + ".example.com"));

    [Fact]
    public void The_default_is_a_valid_name() => Assert.True(HostNames.IsValid(HostNames.Default()));
}
