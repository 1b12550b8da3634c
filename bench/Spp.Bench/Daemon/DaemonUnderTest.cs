using Spp.Bench.Load;

namespace Spp.Bench.Daemon;

/// <summary>One build's daemon in a scenario: the daemon, the emulated processes connected to it, and the load generator aimed at it.</summary>
public sealed class DaemonUnderTest : IAsyncDisposable
{
    private DaemonUnderTest(string role, DaemonProcess daemon)
    {
        Role = role;
        Daemon = daemon;
        Processes = new ConnectedProcesses(daemon);
        Load = new LoadGenerator(daemon.ProcessId);
    }

    /// <summary>"this build" or "baseline", for progress lines.</summary>
    public string Role { get; }

    public DaemonProcess Daemon { get; }
    public ConnectedProcesses Processes { get; }
    public LoadGenerator Load { get; }
    public Uri Api => Daemon.Api;

    public static async Task<DaemonUnderTest> StartAsync(string role, DaemonBuild build, params string[] flags) =>
        new(role, await DaemonProcess.StartAsync(build, flags));

    public async ValueTask DisposeAsync()
    {
        Load.Dispose();
        await Processes.DisposeAsync();
        await Daemon.DisposeAsync();
    }
}
