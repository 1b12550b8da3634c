using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using Akka.IO;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Spp.Actors.Tests;

/// <summary>
/// Messages that reached no actor are logged, as Akka would, but not the requests a connection's stream still makes of
/// Akka.IO's connection actor after the connection ended; at most a burst of lines, then a pause.
/// </summary>
public sealed class DeadLetterLogTests : Akka.TestKit.Xunit2.TestKit
{
    private sealed record Lost(int N);

    private sealed class Lines : ILogger
    {
        public ConcurrentQueue<string> Written { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Enqueue(formatter(state, exception));
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Lines lines = new();
    private readonly SettableClock clock = new();
    private readonly IActorRef log;

    public DeadLetterLogTests() : base("akka.log-dead-letters = off")
    {
        log = Sys.ActorOf(DeadLetterLog.Props(lines, clock), "dead-letters");
        Processed();
    }

    private void Lose(object message, IActorRef recipient) => Sys.EventStream.Publish(new DeadLetter(message, TestActor, recipient));

    /// <summary>Everything published before has been taken by the log (and it has subscribed, the first time).</summary>
    private void Processed()
    {
        log.Tell(new Identify(null));
        ExpectMsg<ActorIdentity>();
    }

    [Fact]
    public void A_lost_message_is_logged_with_its_type_sender_and_recipient_but_not_an_ended_connections_request_to_akka_io()
    {
        var connectionManager = Sys.Tcp();

        Lose(Tcp.ResumeReading.Instance, connectionManager);
        Lose(new Lost(1), Sys.DeadLetters);
        Processed();

        var line = Assert.Single(lines.Written);
        Assert.Contains(typeof(Lost).FullName!, line);
        Assert.Contains(TestActor.Path.ToString(), line);
        Assert.Contains("was not delivered", line);
    }

    [Fact]
    public void After_a_burst_of_lines_none_for_the_pause_then_again()
    {
        for (var i = 0; i < DeadLetterLog.Burst + 5; i++) Lose(new Lost(i), Sys.DeadLetters);
        Processed();
        Assert.Equal(DeadLetterLog.Burst + 1, lines.Written.Count);
        Assert.Contains("no more are logged for 5 minutes", lines.Written.Last());

        clock.Now += DeadLetterLog.Pause;
        Lose(new Lost(100), Sys.DeadLetters);
        Processed();
        Assert.Equal(DeadLetterLog.Burst + 2, lines.Written.Count);
        Assert.Contains("Lost", lines.Written.Last());
    }
}
