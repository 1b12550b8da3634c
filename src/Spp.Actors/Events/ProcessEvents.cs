namespace Spp.Actors.Events;

/// <summary>
/// The broadcast hub of process events: the registry, the connection handlers and the process actors publish,
/// any number of subscribers (the <c>/v1/events</c> streams) read. Publishing never waits: each subscriber has its
/// own bounded queue, and one whose queue is full is dropped rather than slowing down the publisher.
/// Every subscriber sees the events in the same order, the order of <see cref="ProcessEvent.Sequence"/>.
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

    /// <summary>A new subscriber, which receives every event published from now on.</summary>
    public EventSubscription Subscribe(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new EventSubscription(this, capacity);
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
            for (var i = subscribers.Count - 1; i >= 0; i--)
            {
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
