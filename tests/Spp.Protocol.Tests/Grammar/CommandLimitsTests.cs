using Spp.Protocol.Grammar;

namespace Spp.Protocol.Tests.Grammar;

/// <summary>rest-api.md 1.9.2; wire-protocol.md 2.6 and 4.1.</summary>
public class CommandLimitsTests
{
    [Fact]
    public void Primary_and_nfv_take_47_tokens_and_32767_bytes() =>
        Assert.Equal(new CommandLimits(47, 32767), CommandLimits.Padded);

    [Fact]
    public void Vf_mirror_and_pcap_take_8_tokens_and_887_bytes() =>
        Assert.Equal(new CommandLimits(8, 887), CommandLimits.Worker);

    [Fact]
    public void Forty_seven_tokens_pass_and_forty_eight_do_not()
    {
        Assert.True(CommandLimits.Padded.Admits(Tokens(47)));
        Assert.False(CommandLimits.Padded.Admits(Tokens(48)));
    }

    [Fact]
    public void Eight_tokens_pass_and_nine_do_not()
    {
        Assert.True(CommandLimits.Worker.Admits("port add phy:0nq1 rx fwd1 add_vlantag 677 0"));
        Assert.False(CommandLimits.Worker.Admits("port add phy:0nq1 rx fwd1 add_vlantag 677 0 x"));
    }

    [Fact]
    public void Bytes_are_counted_up_to_the_limit()
    {
        Assert.True(CommandLimits.Padded.Admits(new string('a', 32767)));
        Assert.False(CommandLimits.Padded.Admits(new string('a', 32768)));
        Assert.True(CommandLimits.Worker.Admits(new string('a', 887)));
        Assert.False(CommandLimits.Worker.Admits(new string('a', 888)));
    }

    [Fact]
    public void Bytes_are_counted_in_utf8()
    {
        Assert.True(CommandLimits.Worker.Admits(new string('é', 443) + "a"));
        Assert.False(CommandLimits.Worker.Admits(new string('é', 444)));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData(" ", 0)]
    [InlineData("status", 1)]
    [InlineData("patch reset", 2)]
    [InlineData("a  b", 2)]
    [InlineData("   a    b   ", 2)]
    [InlineData("a\tb", 1)]
    [InlineData("a\nb c", 2)]
    public void Tokens_are_maximal_runs_of_characters_other_than_space(string command, int tokens) =>
        Assert.Equal(tokens, CommandLimits.CountTokens(command));

    [Fact]
    public void Runs_of_spaces_count_as_one_separator()
    {
        var spaced = string.Join("     ", Enumerable.Repeat("x", 47));
        Assert.Equal(47, CommandLimits.CountTokens(spaced));
        Assert.True(CommandLimits.Padded.Admits(spaced));
    }

    private static string Tokens(int n) => string.Join(' ', Enumerable.Range(0, n).Select(i => $"t{i}"));
}
