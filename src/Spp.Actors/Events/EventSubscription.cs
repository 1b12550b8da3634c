using System.Threading.Channels;

namespace Spp.Actors.Events;

/// <summary>
/// One subscriber's bounded queue of events. The hub never waits for it: when the queue is full the subscriber is
/// dropped, its reader still yields what was queued, then completes with <see cref="Dropped"/> set.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<ProcessEvent> channel;
    private readonly ProcessEvents hub;
    private volatile bool dropped;

    internal EventSubscription(ProcessEvents hub, int capacity, bool otherHosts)
    {
        this.hub = hub;
        Capacity = capacity;
        OtherHosts = otherHosts;
        channel = Channel.CreateBounded<ProcessEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>How many events may wait for this subscriber before it is dropped.</summary>
    public int Capacity { get; }

    /// <summary>Whether this subscriber also receives the events of other hosts (<see cref="ProcessEvent.OnHost"/>).</summary>
    public bool OtherHosts { get; }

    public ChannelReader<ProcessEvent> Reader => channel.Reader;

    /// <summary>True once the subscriber fell <see cref="Capacity"/> events behind and was dropped.</summary>
    public bool Dropped => dropped;

    internal bool TryDeliver(ProcessEvent e) => channel.Writer.TryWrite(e);

    internal void Drop()
    {
        dropped = true;
        channel.Writer.TryComplete();
    }

    internal void End() => channel.Writer.TryComplete();

    /// <summary>Stop receiving events.</summary>
    public void Dispose()
    {
        hub.Unsubscribe(this);
        End();
    }
}
