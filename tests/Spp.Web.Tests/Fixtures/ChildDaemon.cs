using System.Collections.Concurrent;
using System.Diagnostics;

namespace Spp.Web.Tests.Fixtures;

/// <summary>The daemon as its own OS process, started exactly as an operator starts it, for signals and exit codes.</summary>
public sealed class ChildDaemon : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> errorLines = new();

    private ChildDaemon(Process process) => this.process = process;

    public int PrimaryPort { get; private init; }
    public int SecondaryPort { get; private init; }
    public int ApiPort { get; private init; }

    /// <summary>On free ports.</summary>
    public static Task<ChildDaemon> StartAsync(string extra = "") => StartAsync(FreePort.Next(), FreePort.Next(), FreePort.Next(), extra);

    public static async Task<ChildDaemon> StartAsync(int primaryPort, int secondaryPort, int apiPort, string extra = "")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "spp-ctl.dll");
        var info = new ProcessStartInfo("dotnet", $"{dll} -b 127.0.0.1 -p {primaryPort} -s {secondaryPort} -a {apiPort} {extra}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        var child = new ChildDaemon(process) { PrimaryPort = primaryPort, SecondaryPort = secondaryPort, ApiPort = apiPort };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line) child.errorLines.Enqueue(line);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var http = child.Client();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/v1/processes")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the daemon answers", TimeSpan.FromSeconds(20));
        return child;
    }

    /// <summary>A client of its REST API.</summary>
    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}") };

    /// <summary>What the daemon wrote to standard error so far, line by line.</summary>
    public IReadOnlyCollection<string> ErrorLines => errorLines;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Sends SIGTERM, as systemd does to stop a service.</summary>
    public void Terminate() => Process.Start("kill", $"-TERM {process.Id}")!.WaitForExit();

    public Task WaitForExitAsync(TimeSpan within) => process.WaitForExitAsync().WaitAsync(within);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
