using FsCheck;
using FsCheck.Fluent;
using Spp.Protocol.Grammar;

namespace Spp.Protocol.Tests.Grammar;

/// <summary>rest-api.md 1.5, "Resource UID (port id)"; wire-protocol.md 4.2.</summary>
public class ResourceIdTests
{
    [Theory]
    [InlineData("phy:0", "phy", 0)]
    [InlineData("vhost:1", "vhost", 1)]
    [InlineData("ring:2", "ring", 2)]
    [InlineData("pcap:3", "pcap", 3)]
    [InlineData("nullpmd:4", "nullpmd", 4)]
    [InlineData("tap:5", "tap", 5)]
    [InlineData("memif:6", "memif", 6)]
    [InlineData("pipe:7", "pipe", 7)]
    public void Every_type_followed_by_an_index_is_a_uid(string text, string type, long index)
    {
        Assert.True(ResourceId.TryParse(text, out var id));
        Assert.Equal(type, id.Type);
        Assert.Equal(index, id.Index);
        Assert.Null(id.Queue);
        Assert.Equal(text, id.CommandText);
    }

    [Fact]
    public void The_types_are_exactly_the_eight_of_the_grammar() =>
        Assert.Equal(["phy", "vhost", "ring", "pcap", "nullpmd", "tap", "memif", "pipe"], ResourceId.Types);

    [Fact]
    public void Phy_takes_the_compact_multi_queue_form()
    {
        Assert.True(ResourceId.TryParse("phy:0nq1", out var id));
        Assert.Equal(("phy", 0L, (long?)1L), (id.Type, id.Index, id.Queue));
        Assert.Equal("phy:0nq1", id.CommandText);
    }

    [Fact]
    public void The_spaced_multi_queue_form_is_sent_compact()
    {
        Assert.True(ResourceId.TryParse("phy:0 nq 1", out var id));
        Assert.Equal(("phy", 0L, (long?)1L), (id.Type, id.Index, id.Queue));
        Assert.Equal("phy:0nq1", id.CommandText);
        Assert.Equal("phy:0nq1", id.ToString());
    }

    [Fact]
    public void The_spaced_multi_queue_form_keeps_the_digits_as_given() =>
        Assert.Equal("phy:007nq010", Parse("phy:007 nq 010").CommandText);

    [Theory]
    [InlineData("ring:01")]
    [InlineData("phy:00")]
    [InlineData("vhost:0000000001")]
    [InlineData("phy:01nq02")]
    public void A_valid_uid_is_sent_exactly_as_given(string text) => Assert.Equal(text, Parse(text).ToString());

    [Fact]
    public void Leading_zeros_do_not_change_the_index() => Assert.Equal(1, Parse("ring:01").Index);

    [Fact]
    public void The_largest_index_is_2147483647()
    {
        Assert.Equal(2147483647, Parse("ring:2147483647").Index);
        Assert.False(ResourceId.TryParse("ring:2147483648", out _));
    }

    [Fact]
    public void The_queue_is_bounded_like_the_index()
    {
        Assert.Equal(2147483647, Parse("phy:0nq2147483647").Queue);
        Assert.False(ResourceId.TryParse("phy:0nq2147483648", out _));
    }

    [Theory]
    [InlineData("ring:x")]
    [InlineData("ring: 1")]
    [InlineData("ring:-1")]
    [InlineData("ring:+1")]
    [InlineData("ring:1_0")]
    [InlineData("PHY:0")]
    [InlineData("Ring:0")]
    [InlineData("foo:0")]
    [InlineData("ring:0:1")]
    [InlineData("phy:0:1")]
    [InlineData("ring:0nq1")]
    [InlineData("vhost:0 nq 1")]
    [InlineData("phy:0 nq1")]
    [InlineData("phy:0nq 1")]
    [InlineData("phy:0  nq 1")]
    [InlineData("phy:0 nq  1")]
    [InlineData("phy:0 nq 1 ")]
    [InlineData("phy:0nq")]
    [InlineData("phy:0 nq ")]
    [InlineData("phy:nq1")]
    [InlineData("phy:0NQ1")]
    [InlineData("ring:٣")]
    [InlineData("ring:１")]
    [InlineData("ring:00000000001")]
    [InlineData("ring:2147483648")]
    [InlineData("ring:9999999999")]
    [InlineData("ring:")]
    [InlineData("ring")]
    [InlineData(":0")]
    [InlineData("0")]
    [InlineData(" ring:0")]
    [InlineData("ring:0 ")]
    [InlineData("ring:0\n")]
    [InlineData("ring:1.0")]
    [InlineData("ring:0x1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_uid(string? text) => Assert.False(ResourceId.TryParse(text, out _));

    [Fact]
    public void Only_a_ring_without_queue_is_a_ring()
    {
        Assert.True(Parse("ring:0").IsRing);
        Assert.False(Parse("vhost:0").IsRing);
        Assert.False(Parse("phy:0nq1").IsRing);
    }

    [Fact]
    public void Any_type_and_index_in_range_parses_and_is_sent_as_given()
    {
        var uids =
            from type in Gen.Elements(ResourceId.Types.ToArray())
            from index in Gen.Choose(0, int.MaxValue)
            from zeros in Gen.Choose(0, 9)
            let digits = index.ToString()
            select (type, index, text: $"{type}:{new string('0', Math.Max(0, Math.Min(zeros, 10 - digits.Length)))}{digits}");
        Prop.ForAll(uids.ToArbitrary(), uid =>
                ResourceId.TryParse(uid.text, out var id)
                && id.Type == uid.type && id.Index == uid.index && id.Queue is null && id.CommandText == uid.text)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_phy_queue_in_either_form_parses_and_is_sent_compact()
    {
        var queues =
            from index in Gen.Choose(0, int.MaxValue)
            from queue in Gen.Choose(0, int.MaxValue)
            from spaced in Gen.Elements(true, false)
            select (index, queue, spaced);
        Prop.ForAll(queues.ToArbitrary(), q =>
                ResourceId.TryParse(q.spaced ? $"phy:{q.index} nq {q.queue}" : $"phy:{q.index}nq{q.queue}", out var id)
                && id.Index == q.index && id.Queue == q.queue && id.CommandText == $"phy:{q.index}nq{q.queue}")
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_parsed_uid_parses_again_to_the_same_uid()
    {
        var texts = Gen.OneOf(
            ArbMap.Default.ArbFor<string>().Generator,
            from type in Gen.Elements(ResourceId.Types.ToArray())
            from index in Gen.Choose(0, int.MaxValue)
            from tail in Gen.Elements("", "nq1", " nq 2", "nq", ":1", " ")
            select $"{type}:{index}{tail}");
        Prop.ForAll(texts.ToArbitrary(), text =>
                !ResourceId.TryParse(text, out var id)
                || (ResourceId.TryParse(id.CommandText, out var again) && again == id))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var texts = Gen.OneOf(
            ArbMap.Default.ArbFor<string>().Generator,
            from type in Gen.Elements(ResourceId.Types.ToArray())
            from rest in ArbMap.Default.ArbFor<string>().Generator
            select $"{type}:{rest}");
        Prop.ForAll(texts.ToArbitrary(), text =>
            {
                var valid = ResourceId.TryParse(text, out var id);
                return !valid || id.CommandText.StartsWith(id.Type + ":", StringComparison.Ordinal);
            })
            .QuickCheckThrowOnFailure();
    }

    private static ResourceId Parse(string text)
    {
        Assert.True(ResourceId.TryParse(text, out var id), text);
        return id;
    }
}
