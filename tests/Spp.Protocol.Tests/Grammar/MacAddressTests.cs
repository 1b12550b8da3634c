using Spp.Protocol.Grammar;

namespace Spp.Protocol.Tests.Grammar;

/// <summary>rest-api.md 1.5, "MAC address".</summary>
public class MacAddressTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("FA:16:3E:7D:CC:35")]
    [InlineData("fa:16:3e:7d:cc:35")]
    [InlineData("Fa:16:3e:7D:cC:35")]
    [InlineData("f:1:2:3:4:5")]
    [InlineData("00:00:00:00:00:01")]
    public void The_word_default_or_six_groups_of_one_or_two_hex_digits(string text) =>
        Assert.True(MacAddress.IsValid(text));

    [Theory]
    [InlineData("fa-16-3e-7d-cc-35")]
    [InlineData("fa163e7dcc35")]
    [InlineData("12345")]
    [InlineData("FA:16:3E:7D:CC:35:01")]
    [InlineData("FA:16:3E:7D:CC")]
    [InlineData("gg:16:3e:7d:cc:35")]
    [InlineData("fa:16:3e:7d:cc:")]
    [InlineData("fa:16:3e:7d:cc:035")]
    [InlineData("fa:16:3e:7d:cc: 5")]
    [InlineData(" fa:16:3e:7d:cc:35")]
    [InlineData("fa:16:3e:7d:cc:35 ")]
    [InlineData("Default")]
    [InlineData("DEFAULT")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_mac_address(string? text) => Assert.False(MacAddress.IsValid(text));

    [Fact]
    public void Hex_digits_are_ascii_only() => Assert.False(MacAddress.IsValid("ｆa:16:3e:7d:cc:35"));
}
