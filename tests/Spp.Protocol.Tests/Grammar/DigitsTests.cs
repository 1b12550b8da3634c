using Spp.Protocol.Grammar;

namespace Spp.Protocol.Tests.Grammar;

/// <summary>rest-api.md 1.4 ("digit string") and 1.2 (path parameters).</summary>
public class DigitsTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("0101", 101)]
    [InlineData("4294967295", 4294967295)]
    public void A_digit_string_is_one_to_ten_ascii_digits(string text, long value)
    {
        Assert.True(Digits.TryRead(text, long.MaxValue, out var read));
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 3")]
    [InlineData("3 ")]
    [InlineData("3a")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData("3.0")]
    [InlineData("٣")]
    [InlineData("00000000001")]
    public void Anything_else_is_not_a_digit_string(string text) => Assert.False(Digits.TryRead(text, long.MaxValue, out _));

    [Fact]
    public void A_digit_string_is_bounded_by_its_maximum()
    {
        Assert.True(Digits.TryRead("4095", 4095, out _));
        Assert.False(Digits.TryRead("4096", 4095, out _));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("01", 1)]
    [InlineData("000000000000000000000000000002", 2)]
    [InlineData("65535", 65535)]
    public void A_path_parameter_is_any_number_of_ascii_digits(string text, long value)
    {
        Assert.True(Digits.TryReadPathSegment(text, 65535, out var read));
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("٣")]
    [InlineData("65536")]
    [InlineData("99999999999999999999999999999999")]
    public void A_path_parameter_that_is_not_digits_or_too_large_is_refused(string text) =>
        Assert.False(Digits.TryReadPathSegment(text, 65535, out _));

    [Fact]
    public void A_run_of_digits_stops_at_the_first_other_character()
    {
        Assert.Equal(2, Digits.RunLength("12nq3"));
        Assert.Equal(0, Digits.RunLength("x1"));
        Assert.Equal(0, Digits.RunLength("٣"));
    }

    [Theory]
    [InlineData("7", true)]
    [InlineData("0012", true)]
    [InlineData("", false)]
    [InlineData("1 ", false)]
    [InlineData("٣", false)]
    public void All_digits_means_ascii_digits_only_and_at_least_one(string text, bool expected) =>
        Assert.Equal(expected, Digits.IsAllDigits(text));
}
