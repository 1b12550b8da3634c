namespace Spp.Actors.Dispatch;

/// <summary>
/// The dispatcher of the process actors (every child of <c>/user/processes</c>): a turn runs on the thread that sent
/// the message (<see cref="CallerThreadExecutor"/>), so a request goes from the HTTP handler's Ask into the actor, and
/// a reply from the connection's stream into the actor and on to the asker, without a thread hand-off each. The
/// registry, the streams and Akka.IO stay on the default dispatcher: Akka.Streams' materialization and Akka.IO's
/// binding expect to run asynchronously.
/// </summary>
public static class ProcessDispatcher
{
    public const string Id = "spp-process-dispatcher";

    public static readonly string Hocon = $$"""
        {{Id}} {
          type = Dispatcher
          executor = "{{typeof(CallerThreadExecutorConfigurator).FullName}}, {{typeof(CallerThreadExecutorConfigurator).Assembly.GetName().Name}}"
          throughput = 30
        }
        akka.actor.deployment {
          "/processes/*" {
            dispatcher = {{Id}}
          }
        }
        """;
}
