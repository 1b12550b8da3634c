using System.Diagnostics;

namespace Spp.Bench.Load;

/// <summary>
/// CPU time used so far by the daemon, by this process (load generator and emulated processes) and by the whole
/// machine (anything else running included), from /proc; two samples give the cores each kept busy in between.
/// </summary>
public readonly record struct CpuSample(double Daemon, double Bench, double Machine, long Timestamp)
{
    // USER_HZ: the unit of /proc/stat and /proc/{pid}/stat, 100 on Linux.
    private const double TicksPerSecond = 100;

    public static CpuSample Take(int daemonProcessId) => new(
        ProcessSeconds($"/proc/{daemonProcessId}/stat"),
        ProcessSeconds("/proc/self/stat"),
        MachineBusySeconds(),
        Stopwatch.GetTimestamp());

    /// <summary>Cores kept busy from <paramref name="start"/> to this sample.</summary>
    public CpuUse Since(CpuSample start)
    {
        var seconds = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        return new CpuUse((Daemon - start.Daemon) / seconds, (Bench - start.Bench) / seconds, (Machine - start.Machine) / seconds);
    }

    /// <summary>utime + stime, the 14th and 15th fields; the name in parentheses may hold spaces.</summary>
    private static double ProcessSeconds(string statPath)
    {
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
    }

    /// <summary>user + nice + system + irq + softirq + steal of the first line of /proc/stat.</summary>
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i]);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / TicksPerSecond;
    }
}

/// <summary>Cores kept busy on average over a measurement.</summary>
public readonly record struct CpuUse(double Daemon, double Bench, double Machine)
{
    public string Text => $"CPU: daemon {Daemon:0.0}, bench {Bench:0.0}, machine {Machine:0.0} of {Environment.ProcessorCount} cores";
}
