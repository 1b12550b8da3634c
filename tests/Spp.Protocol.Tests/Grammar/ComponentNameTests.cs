using Spp.Protocol.Grammar;

namespace Spp.Protocol.Tests.Grammar;

/// <summary>rest-api.md 1.5, "Component name"; wire-protocol.md 4.3.</summary>
public class ComponentNameTests
{
    [Theory]
    [InlineData("fwd1")]
    [InlineData("c")]
    [InlineData("mr0")]
    [InlineData("fwd0_tx")]
    [InlineData("a.b-c")]
    [InlineData("!#$%&'()*+,-.:;<=>?@[]^_`{|}~")]
    public void Printable_ascii_without_space_slash_quote_or_backslash_is_a_name(string name) =>
        Assert.True(ComponentName.IsValid(name));

    [Fact]
    public void A_name_has_at_most_31_characters()
    {
        Assert.True(ComponentName.IsValid(new string('a', 31)));
        Assert.False(ComponentName.IsValid(new string('a', 32)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_is_not_empty(string? name) => Assert.False(ComponentName.IsValid(name));

    [Theory]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("a\"b")]
    [InlineData("a\\b")]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\u007fb")]
    [InlineData("a\0b")]
    [InlineData("fwdé")]
    [InlineData("fwd１")]
    public void Space_slash_quote_backslash_control_and_non_ascii_characters_are_not_allowed(string name) =>
        Assert.False(ComponentName.IsValid(name));
}
