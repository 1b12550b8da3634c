using Akka.Actor;
using Akka.Event;
using Akka.IO;
using Microsoft.Extensions.Logging;

namespace Spp.Actors;

/// <summary>
/// Logs the messages that reached no actor, in place of Akka's own dead-letter log (<c>akka.log-dead-letters = off</c>),
/// with one difference: what a connection's stream still asks of Akka.IO's connection actor after the connection
/// ended (<c>ResumeReading</c> and the like, the stream and the socket being torn down apart) is expected, not a sign
/// of an actor that "terminated unexpectedly", and is not logged. As Akka does, it logs at most
/// <see cref="Burst"/> lines, then none for <see cref="Pause"/>.
/// </summary>
public sealed class DeadLetterLog : ReceiveActor
{
    public const int Burst = 10;
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(5);

    /// <summary>Akka's own dead-letter log off, this one takes its place.</summary>
    public const string Hocon = "akka.log-dead-letters = off";

    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private int logged;
    private DateTimeOffset quietUntil = DateTimeOffset.MinValue;

    public DeadLetterLog(ILogger logger, TimeProvider clock)
    {
        this.logger = logger;
        this.clock = clock;
        Receive<DeadLetter>(dead =>
        {
            if (!IsEndedConnectionsRequest(dead)) Log(dead);
        });
    }

    public static Props Props(ILogger logger, TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new DeadLetterLog(logger, clock ?? TimeProvider.System));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    private static bool IsEndedConnectionsRequest(DeadLetter dead) =>
        dead.Message is Tcp.Command && dead.Recipient.Path.Elements is ["system", "IO-TCP", ..];

    private void Log(DeadLetter dead)
    {
        var now = clock.GetUtcNow();
        if (now < quietUntil) return;
        logger.LogInformation("Message [{MessageType}] from {Sender} to {Recipient} was not delivered",
            dead.Message.GetType().FullName, dead.Sender?.Path.ToString() ?? "nobody", dead.Recipient.Path);
        if (++logged < Burst) return;
        logged = 0;
        quietUntil = now + Pause;
        logger.LogInformation("{Burst} messages were not delivered: no more are logged for {PauseMinutes} minutes", Burst, Pause.TotalMinutes);
    }
}
