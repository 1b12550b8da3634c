namespace Spp.Actors.Events;

/// <summary>
/// The broadcast hub of process events: the registry, the connection handlers and the process actors publish,
/// any number of subscribers (the <c>/v1/events</c> streams) read. Publishing never waits: each subscriber has its
/// own bounded queue, and one whose queue is full is dropped rather than slowing down the publisher.
/// Every subscriber sees the events in the same order, the order of <see cref="ProcessEvent.Sequence"/>.
/// Other hosts' events (<see cref="ProcessEvent.OnHost"/>) go only to the subscribers that asked for them, so they
/// never fill the queue of one that did not; they take their sequence numbers all the same, so on a member of a
/// cluster the numbers such a subscriber sees increase but may skip some.
/// </summary>
public sealed class ProcessEvents(TimeProvider? clock = null)
{
    public const int DefaultCapacity = 256;

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly List<EventSubscription> subscribers = [];
    private long sequence;
    private bool closed;

    public int SubscriberCount
    {
        get
        {
            lock (gate) return subscribers.Count;
        }
    }

    /// <summary>
    /// A new subscriber, which receives every event published from now on; other hosts' events only with
    /// <paramref name="otherHosts"/>.
    /// </summary>
    public EventSubscription Subscribe(int capacity = DefaultCapacity, bool otherHosts = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new EventSubscription(this, capacity, otherHosts);
        lock (gate)
        {
            if (closed) subscription.End();
            else subscribers.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Stamps the event and hands it to every subscriber without waiting for any of them.</summary>
    public void Publish(ProcessEvent e)
    {
        lock (gate)
        {
            var stamped = e with { Sequence = ++sequence, Time = clock.GetUtcNow() };
            var remote = stamped is ProcessEvent.OnHost;
            for (var i = subscribers.Count - 1; i >= 0; i--)
            {
                if (remote && !subscribers[i].OtherHosts) continue;
                if (subscribers[i].TryDeliver(stamped)) continue;
                subscribers[i].Drop();
                subscribers.RemoveAt(i);
            }
        }
    }

    /// <summary>The controller is stopping: end every subscription (without the drop mark) and accept no more.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            foreach (var subscription in subscribers) subscription.End();
            subscribers.Clear();
        }
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (gate) subscribers.Remove(subscription);
    }
}
