namespace Spp.Actors.Dispatch;

/// <summary>
/// The dispatcher of the process actors (every child of <c>/user/processes</c>) and of the connection streams they
/// materialize: a turn runs on the thread that sent the message (<see cref="CallerThreadExecutor"/>), so a request
/// goes from the HTTP handler's Ask into the actor and its stream, and a reply from the stream into the actor and on
/// to the asker, without a thread hand-off each. The registry, the port listeners and Akka.IO's connection actors stay
/// on the default dispatcher: binding a port fails when its stages start on the sending thread, and Akka.IO's actors
/// there did not pay.
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
