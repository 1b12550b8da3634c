using System.Threading.Channels;

namespace Spp.Actors;

/// <summary>
/// An actor's mailbox: messages are posted from anywhere and drained by exactly one loop, which is what makes the
/// actor's state private and its work serialized.
/// </summary>
public sealed class Mailbox<T>
{
    private readonly Channel<T> channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>False once the mailbox is closed: the actor has stopped or is stopping.</summary>
    public bool Post(T message) => channel.Writer.TryWrite(message);

    /// <summary>Accept no more messages; those already posted can still be read.</summary>
    public void Close() => channel.Writer.TryComplete();

    public ChannelReader<T> Reader => channel.Reader;

    /// <summary>Takes every message still waiting, without waiting for more.</summary>
    public List<T> TakeRemaining()
    {
        var remaining = new List<T>();
        while (channel.Reader.TryRead(out var message)) remaining.Add(message);
        return remaining;
    }
}
