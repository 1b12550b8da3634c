using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Dispatch;
using Spp.Actors.Dispatch;
using Spp.Actors.Tests.Fakes;

namespace Spp.Actors.Tests;

/// <summary>Process actors take their turns on the sending thread, but no thread's stack grows without bound.</summary>
public sealed class CallerThreadExecutorTests : ControllerTest
{
    private sealed class Nested(CallerThreadExecutor executor, int level, int levels, ConcurrentDictionary<int, int> threads, CountdownEvent done) : IRunnable
    {
        public void Run()
        {
            threads[level] = Environment.CurrentManagedThreadId;
            if (level + 1 < levels) executor.Execute(new Nested(executor, level + 1, levels, threads, done));
            done.Signal();
        }

        public void Execute() => Run();
    }

    [Fact]
    public void A_turn_runs_on_the_calling_thread_and_turns_nested_four_deep_go_to_the_thread_pool()
    {
        const int levels = 8;
        var executor = new CallerThreadExecutor("test");
        var threads = new ConcurrentDictionary<int, int>();
        using var done = new CountdownEvent(levels);

        executor.Execute(new Nested(executor, 0, levels, threads, done));

        Assert.True(done.Wait(TimeSpan.FromSeconds(10)));
        var caller = Environment.CurrentManagedThreadId;
        Assert.All(Enumerable.Range(0, 4), level => Assert.Equal(caller, threads[level]));
        Assert.NotEqual(caller, threads[4]);
    }

    [Fact]
    public async Task Process_actors_run_on_the_process_dispatcher()
    {
        var nfv = await ConnectAsync(Nfv1);

        var cell = (ActorCell)((ActorRefWithCell)nfv.Actor).Underlying;
        Assert.Equal(ProcessDispatcher.Id, cell.Dispatcher.Id);
    }
}
