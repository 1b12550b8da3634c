using FsCheck;
using FsCheck.Fluent;
using Spp.Protocol.Framing;
using static Spp.Protocol.Tests.Framing.ReplyFramerTests;

namespace Spp.Protocol.Tests.Framing;

/// <summary>
/// wire-protocol.md 2.5: "TCP may deliver a reply in several segments; one recv() does not correspond to one reply".
/// However a reply is cut, into segments of one buffer or into deliveries, it is framed the same.
/// </summary>
public class ReplyFramerProperties
{
    [Fact]
    public void A_padded_json_reply_is_framed_the_same_however_it_is_cut()
    {
        var block = Padded(NfvStatusMultiQueue);
        Prop.ForAll(Cuts(NfvStatusMultiQueue.Length, block.Length), cuts =>
            {
                var parts = Segments.Split(block, cuts);
                var whole = Expecting(ReplyFamily.Padded).Read(Segments.Of(parts), out _, out _);

                var feed = new PipeFeed(Expecting(ReplyFamily.Padded));
                feed.DeliverAll(parts);

                return Text(whole.Reply!) == NfvStatusMultiQueue
                    && feed.Replies.Select(Text).SequenceEqual([NfvStatusMultiQueue])
                    && feed.Violations.Count == 0 && feed.Unconsumed == 0;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_echo_reply_is_framed_the_same_however_it_is_cut()
    {
        var block = Block("patch\0reset");
        Prop.ForAll(Cuts(16, block.Length), cuts =>
            {
                var parts = Segments.Split(block, cuts);
                var whole = Expecting(ReplyFamily.Padded).Read(Segments.Of(parts), out _, out _);

                var feed = new PipeFeed(Expecting(ReplyFamily.Padded));
                feed.DeliverAll(parts);

                return Text(whole.Reply!) == "patch"
                    && feed.Replies.Select(Text).SequenceEqual(["patch"])
                    && feed.Violations.Count == 0 && feed.Unconsumed == 0;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_worker_reply_is_framed_the_same_however_it_is_cut()
    {
        var bytes = Ascii(MirrorStatus);
        Prop.ForAll(Cuts(bytes.Length, bytes.Length), cuts =>
            {
                var parts = Segments.Split(bytes, cuts);
                var whole = Expecting(ReplyFamily.Stream).Read(Segments.Of(parts), out _, out _);

                var feed = new PipeFeed(Expecting(ReplyFamily.Stream));
                feed.DeliverAll(parts);

                return Text(whole.Reply!) == MirrorStatus
                    && feed.Replies.Select(Text).SequenceEqual([MirrorStatus])
                    && feed.Violations.Count == 0 && feed.Unconsumed == 0;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bytes_while_no_reply_is_pending_break_the_framing_exactly_when_one_is_not_nul()
    {
        var mostlyNul = Gen.Frequency(
            (8, Gen.Constant((byte)0)),
            (1, Gen.Choose(0, 255).Select(b => (byte)b)));
        var deliveries = Gen.ArrayOf(Gen.ArrayOf(mostlyNul));
        Prop.ForAll(deliveries.ToArbitrary(), chunks =>
            {
                var feed = new PipeFeed(new ReplyFramer(ReplyFamily.Stream));
                feed.DeliverAll(chunks);
                var stray = chunks.SelectMany(c => c).Any(b => b != 0);
                return feed.Replies.Count == 0 && feed.Violations.Count == (stray ? 1 : 0);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_bytes_as_a_reply_are_framed_without_throwing()
    {
        var replyBytes = Gen.Frequency(
            (4, Gen.Elements("{}[]\"\\ \0ab".Select(c => (byte)c).ToArray())),
            (1, Gen.Choose(0, 255).Select(b => (byte)b)));
        var cases =
            from family in Gen.Elements(ReplyFamily.Padded, ReplyFamily.Stream, ReplyFamily.Unknown)
            from chunks in Gen.ArrayOf(Gen.ArrayOf(replyBytes))
            select (family, chunks);
        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var framer = Expecting(c.family);
                var feed = new PipeFeed(framer);
                feed.DeliverAll(c.chunks);
                if (framer.WaitsForIdle) feed.Replies.Add(framer.CompleteOnIdle().Reply!);
                var delivered = c.chunks.Sum(x => x.Length);
                return feed.Replies.Count <= 1 && feed.Replies.All(r => r.Length <= delivered);
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Cut points, most of them within the first <paramref name="near"/> bytes, where replies are split.</summary>
    private static Arbitrary<int[]> Cuts(int near, int length) =>
        Gen.ArrayOf(Gen.Frequency(
                (3, Gen.Choose(0, near + 2)),
                (1, Gen.Choose(0, length))))
            .ToArbitrary();
}
