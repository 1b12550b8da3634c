namespace Spp.Actors.Dispatch;

/// <summary>
/// The dispatcher of the process actors, of the connection streams they materialize and of Akka.IO's connection
/// actors: Akka's default dispatcher, whose turns run on the thread that sent the message
/// (<see cref="CallerThreadExecutor"/>). It has to be the default one: Akka.IO gives its connection actors the default
/// dispatcher whatever the configuration asks. With socket completions run on the thread that polls the socket (see
/// architecture.md), a request goes from the HTTP handler's Ask through the process actor and the stream into the
/// socket, and a reply from the socket through Akka.IO's connection actor, the stream and the process actor to the
/// asker, without a thread wake-up per hand-off. Akka's own system actors keep their internal dispatcher.
/// </summary>
public static class ProcessDispatcher
{
    public const string Id = "akka.actor.default-dispatcher";

    public static readonly string Hocon = $$"""
        {{Id}}.executor = "{{typeof(CallerThreadExecutorConfigurator).FullName}}, {{typeof(CallerThreadExecutorConfigurator).Assembly.GetName().Name}}"
        """;
}
