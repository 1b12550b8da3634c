using System.Diagnostics;
using System.Net;
using Spp.Emulator;

namespace Spp.Bench.Daemon;

/// <summary>
/// The daemon as operators run it: <c>dotnet spp-ctl.dll -b 127.0.0.1 -p P -s S -a A</c> (of a given build), a separate OS process,
/// so that its memory and allocations are its own. Its log (one line per command) goes to a file, like a service's.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string logPath;

    private DaemonProcess(Process process, string logPath, int[] ports, TimeSpan startup)
    {
        this.process = process;
        this.logPath = logPath;
        PrimaryPort = new ControllerEndpoint("127.0.0.1", ports[0]);
        SecondaryPort = new ControllerEndpoint("127.0.0.1", ports[1]);
        Api = new Uri($"http://127.0.0.1:{ports[2]}");
        StartupTime = startup;
    }

    public ControllerEndpoint PrimaryPort { get; }
    public ControllerEndpoint SecondaryPort { get; }
    public Uri Api { get; }
    public int ProcessId => process.Id;

    /// <summary>From starting the OS process to the first answer of <c>GET /v1/processes</c>.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Starts the daemon of <paramref name="build"/>, with <paramref name="flags"/> after its ports, and returns once its API answers.</summary>
    public static async Task<DaemonProcess> StartAsync(DaemonBuild build, params string[] flags)
    {
        var ports = FreePorts.Take(3);
        var logPath = Path.Combine(Path.GetTempPath(), $"spp-bench-daemon-{Environment.ProcessId}-{ports[2]}.log");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // exec: the process id is the daemon's own, for /proc and the diagnostics port.
        string[] shell = ["-c", "log=$1; shift; exec dotnet \"$@\" >\"$log\" 2>&1", "sh", logPath];
        string[] daemon = [build.DllPath, "-b", "127.0.0.1", "-p", $"{ports[0]}", "-s", $"{ports[1]}", "-a", $"{ports[2]}"];
        foreach (var arg in shell.Concat(daemon).Concat(flags)) start.ArgumentList.Add(arg);

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the daemon");
        var api = new Uri($"http://127.0.0.1:{ports[2]}/v1/processes");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the daemon exited at start:\n{Tail(logPath)}");
            if (clock.Elapsed > StartLimit) throw new TimeoutException($"the daemon did not answer within {StartLimit}:\n{Tail(logPath)}");
            try
            {
                using var response = await http.GetAsync(api);
                if (response.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(5);
        }
        return new DaemonProcess(process, logPath, ports, clock.Elapsed);
    }

    /// <summary>Resident set size, from <c>/proc/{pid}/status</c>.</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith("VmRSS:"))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
        throw new InvalidOperationException("no VmRSS in /proc status");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        File.Delete(logPath);
    }

    private static string Tail(string path) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : "(no log)";
}
