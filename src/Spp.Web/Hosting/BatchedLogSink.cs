using System.Collections.Concurrent;
using System.Text;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting;

namespace Spp.Web.Hosting;

/// <summary>
/// Writes log events from one background thread that wakes every <see cref="Interval"/> and writes what has queued
/// up, standard error in one write per batch. A log line then costs the thread that logs it a queue insert and no
/// wake-up of another thread: waking a writer per line (what Serilog.Sinks.Async and Serilog's batching sink do) cost
/// the daemon 35 to 40 µs of CPU per command. Past <see cref="Limit"/> waiting events a caller waits for the writer
/// rather than dropping anything; disposing writes out everything queued.
/// </summary>
public sealed class BatchedLogSink : ILogEventSink, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private const int Limit = 10_000;

    private readonly ConcurrentQueue<LogEvent> queue = new();
    private readonly ManualResetEventSlim wake = new();
    private readonly ITextFormatter? standardError;
    private readonly StreamWriter? standardErrorWriter;
    private readonly Logger? sinks;
    private readonly Thread writer;
    private int queued;
    private volatile bool stopping;

    /// <param name="standardError">Formats each event for standard error; null: not written there.</param>
    /// <param name="sinks">Any other sinks (a file, a terminal), given each event in turn.</param>
    public BatchedLogSink(ITextFormatter? standardError, Logger? sinks)
    {
        this.standardError = standardError;
        this.sinks = sinks;
        if (standardError is not null)
            standardErrorWriter = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        writer = new Thread(Run) { IsBackground = true, Name = "log writer" };
        writer.Start();
    }

    public void Emit(LogEvent logEvent)
    {
        queue.Enqueue(logEvent);
        if (Interlocked.Increment(ref queued) <= Limit) return;
        wake.Set();
        while (Volatile.Read(ref queued) > Limit && !stopping) Thread.Sleep(1);
    }

    private void Run()
    {
        while (!stopping)
        {
            wake.Wait(Interval);
            wake.Reset();
            WriteQueued();
        }
        WriteQueued();
    }

    private void WriteQueued()
    {
        var written = false;
        while (queue.TryDequeue(out var logEvent))
        {
            if (standardErrorWriter is not null) ToStandardError(() => standardError!.Format(logEvent, standardErrorWriter));
            sinks?.Write(logEvent);
            Interlocked.Decrement(ref queued);
            written = true;
        }
        if (written && standardErrorWriter is not null) ToStandardError(standardErrorWriter.Flush);
    }

    /// <summary>Standard error closed (a broken pipe) must not end the daemon: the line is lost, as with any sink.</summary>
    private static void ToStandardError(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            SelfLog.WriteLine("standard error not writable: {0}", e.Message);
        }
    }

    public void Dispose()
    {
        stopping = true;
        wake.Set();
        writer.Join();
        if (standardErrorWriter is not null) ToStandardError(standardErrorWriter.Dispose);
        sinks?.Dispose();
    }
}
