using Akka.Configuration;
using Akka.Dispatch;

namespace Spp.Actors.Dispatch;

/// <summary>
/// Runs an actor's turn on the thread that sent it the message, instead of handing it to another thread: a command
/// then goes from the HTTP handler to the socket, and its reply from the socket to the handler's promise, without a
/// thread wake-up per actor on the way. A turn started inside another turn, beyond a small depth, goes to the thread
/// pool as usual, so chains of messages cannot grow a thread's stack.
/// </summary>
public sealed class CallerThreadExecutor(string id) : ExecutorService(id)
{
    private const int MaxDepth = 4;

    [ThreadStatic]
    private static int depth;

    public override void Execute(IRunnable run)
    {
        if (depth >= MaxDepth)
        {
            ThreadPool.UnsafeQueueUserWorkItem(run, preferLocal: false);
            return;
        }
        depth++;
        try
        {
            run.Run();
        }
        finally
        {
            depth--;
        }
    }

    public override void Shutdown()
    {
    }
}

/// <summary>Named by a dispatcher's <c>executor</c> setting (its assembly-qualified name).</summary>
public sealed class CallerThreadExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites)
    : ExecutorServiceConfigurator(config, prerequisites)
{
    public override ExecutorService Produce(string id) => new CallerThreadExecutor(id);
}
