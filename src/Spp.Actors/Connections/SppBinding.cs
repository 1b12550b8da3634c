using Akka.Actor;
using Akka.Event;

namespace Spp.Actors.Connections;

/// <summary>
/// A bound SPP port that keeps accepting. Akka.IO's listener stops on an accept error it takes for fatal, and with it
/// every connection it accepted; the port is then bound again, on the same port number, after a pause and as many
/// times as it takes, until it is unbound at shutdown. The SPP processes reconnect by themselves.
/// </summary>
public sealed class SppBinding
{
    private static readonly TimeSpan RebindPause = TimeSpan.FromSeconds(1);

    private readonly ILoggingAdapter log;
    private readonly string name;
    private readonly Func<int, Task<Bound>> bind;
    private readonly Lock gate = new();
    private Bound current;
    private volatile bool accepting = true;
    private volatile bool unbinding;

    private SppBinding(ActorSystem system, string name, Bound first, Func<int, Task<Bound>> bind)
    {
        log = system.Log;
        this.name = name;
        this.bind = bind;
        current = first;
        Port = first.Port;
        _ = KeepAcceptingAsync(first.Accepting);
    }

    /// <summary>The port as bound once: its number, a task that ends when it stops accepting, and how to unbind it.</summary>
    public sealed record Bound(int Port, Task Accepting, Func<Task> Unbind);

    /// <summary>The port number bound (the one the system chose for a port of 0).</summary>
    public int Port { get; }

    /// <summary>False from the moment the listener stopped until the port is bound again.</summary>
    public bool IsAccepting => accepting && !unbinding;

    /// <param name="bind">Binds the port number it is given.</param>
    public static async Task<SppBinding> BindAsync(ActorSystem system, string name, int port, Func<int, Task<Bound>> bind) =>
        new(system, name, await bind(port), bind);

    /// <summary>Stops accepting for good; the connections the port accepted are closed.</summary>
    public Task UnbindAsync()
    {
        unbinding = true;
        lock (gate) return current.Unbind();
    }

    private async Task KeepAcceptingAsync(Task accepted)
    {
        while (true)
        {
            var why = await EndOf(accepted);
            if (unbinding) return;
            accepting = false;
            log.Error("The {0} port {1} stopped accepting connections ({2}); binding it again", name, Port, why);
            while (true)
            {
                await Task.Delay(RebindPause);
                if (unbinding) return;
                try
                {
                    var again = await bind(Port);
                    lock (gate) current = again;
                    accepted = again.Accepting;
                    // Unbinding may have begun with the listener that had stopped.
                    if (unbinding) await again.Unbind();
                    break;
                }
                catch (Exception e)
                {
                    log.Warning("The {0} port {1} cannot be bound again yet: {2}", name, Port, e.InnerException?.Message ?? e.Message);
                }
            }
            accepting = true;
            log.Info("The {0} port {1} accepts connections again", name, Port);
        }
    }

    private static async Task<string> EndOf(Task accepted)
    {
        try
        {
            await accepted;
            return "its listener ended";
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }
}
