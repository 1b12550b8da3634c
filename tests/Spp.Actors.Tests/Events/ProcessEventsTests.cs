using Spp.Actors.Events;
using Spp.Protocol;

namespace Spp.Actors.Tests.Events;

/// <summary>The event hub: every subscriber sees every event in one order; a full subscriber is dropped, never waited for.</summary>
public sealed class ProcessEventsTests
{
    private static readonly ProcessId Nfv1 = new(ProcessType.Nfv, 1);

    private static ProcessEvent Applied(string command) =>
        new ProcessEvent.CommandApplied(Nfv1, "alice", command, "success", TimeSpan.FromMilliseconds(1));

    private static List<ProcessEvent> Queued(EventSubscription subscription)
    {
        var events = new List<ProcessEvent>();
        while (subscription.Reader.TryRead(out var e)) events.Add(e);
        return events;
    }

    [Fact]
    public void Every_subscriber_receives_every_event_in_publishing_order_with_sequence_numbers()
    {
        var hub = new ProcessEvents();
        using var first = hub.Subscribe();
        using var second = hub.Subscribe();
        hub.Publish(new ProcessEvent.Connected("127.0.0.1:40000", "secondary"));
        hub.Publish(new ProcessEvent.Identified(Nfv1, "127.0.0.1:40000"));
        hub.Publish(Applied("add ring:0"));

        var seen = Queued(first);
        Assert.Equal([1L, 2L, 3L], seen.Select(e => e.Sequence));
        Assert.IsType<ProcessEvent.Connected>(seen[0]);
        Assert.IsType<ProcessEvent.Identified>(seen[1]);
        Assert.Equal("add ring:0", Assert.IsType<ProcessEvent.CommandApplied>(seen[2]).Command);
        Assert.Equal(seen, Queued(second));
    }

    [Fact]
    public void A_subscriber_sees_only_what_was_published_after_it_subscribed()
    {
        var hub = new ProcessEvents();
        hub.Publish(Applied("forward"));
        using var late = hub.Subscribe();
        hub.Publish(Applied("stop"));
        Assert.Equal(["stop"], Queued(late).Cast<ProcessEvent.CommandApplied>().Select(e => e.Command));
    }

    [Fact]
    public void Publishing_stamps_the_time_of_the_clock()
    {
        var now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var hub = new ProcessEvents(new FixedClock(now));
        using var subscription = hub.Subscribe();
        hub.Publish(Applied("forward"));
        Assert.Equal(now, Queued(subscription)[0].Time);
    }

    [Fact]
    public async Task A_full_subscriber_is_dropped_keeps_what_was_queued_and_then_ends()
    {
        var hub = new ProcessEvents();
        using var slow = hub.Subscribe(capacity: 2);
        using var keeping = hub.Subscribe(capacity: 10);
        hub.Publish(Applied("add ring:0"));
        hub.Publish(Applied("add ring:1"));
        hub.Publish(Applied("add ring:2"));
        hub.Publish(Applied("add ring:3"));

        Assert.True(slow.Dropped);
        Assert.Equal(1, hub.SubscriberCount);
        var kept = new List<string>();
        await foreach (var e in slow.Reader.ReadAllAsync()) kept.Add(((ProcessEvent.CommandApplied)e).Command);
        Assert.Equal(["add ring:0", "add ring:1"], kept);
        Assert.False(keeping.Dropped);
        Assert.Equal(4, Queued(keeping).Count);
    }

    [Fact]
    public async Task Publishing_never_waits_for_a_subscriber_that_does_not_read()
    {
        var hub = new ProcessEvents();
        using var idle = hub.Subscribe(capacity: 1);
        var publishing = Task.Run(() =>
        {
            for (var i = 0; i < 100_000; i++) hub.Publish(Applied("forward"));
        });
        await publishing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(idle.Dropped);
    }

    [Fact]
    public async Task Closing_ends_every_subscription_without_the_drop_mark()
    {
        var hub = new ProcessEvents();
        var subscription = hub.Subscribe();
        hub.Publish(Applied("forward"));
        hub.Close();
        var events = new List<ProcessEvent>();
        await foreach (var e in subscription.Reader.ReadAllAsync()) events.Add(e);
        Assert.Single(events);
        Assert.False(subscription.Dropped);
        Assert.False(hub.Subscribe().Reader.TryRead(out _));
        Assert.True(hub.Subscribe().Reader.Completion.IsCompleted);
    }

    [Fact]
    public void A_disposed_subscription_receives_nothing_more()
    {
        var hub = new ProcessEvents();
        var subscription = hub.Subscribe();
        subscription.Dispose();
        hub.Publish(Applied("forward"));
        Assert.Equal(0, hub.SubscriberCount);
        Assert.Empty(Queued(subscription));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
