using System.Collections.Concurrent;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Spp.Web.Hosting;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

public sealed class BatchedLogSinkTests
{
    private sealed class Collector : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    [Fact]
    public async Task A_line_is_written_without_waiting_for_more()
    {
        var collector = new Collector();
        using var sink = new BatchedLogSink(null, new LoggerConfiguration().WriteTo.Sink(collector).CreateLogger());
        using var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        log.Information("nfv:1 status -> success");

        await Eventually.HoldsAsync(() => Task.FromResult(collector.Events.Count == 1), "the line written");
    }

    [Fact]
    public async Task Lines_from_many_threads_far_past_the_queue_limit_are_all_written_in_each_threads_order()
    {
        const int threads = 4;
        const int perThread = 10_000;
        var collector = new Collector();
        var sink = new BatchedLogSink(null, new LoggerConfiguration().WriteTo.Sink(collector).CreateLogger());
        using (var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < perThread; i++) log.Information("{Thread} {Line}", t, i);
            })));
        }

        Assert.Equal(threads * perThread, collector.Events.Count);
        foreach (var lines in collector.Events.GroupBy(e => e.Properties["Thread"].ToString()))
            Assert.Equal(Enumerable.Range(0, perThread).Select(i => i.ToString()), lines.Select(e => e.Properties["Line"].ToString()));
    }
}
