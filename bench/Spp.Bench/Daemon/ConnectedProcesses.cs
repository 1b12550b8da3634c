using System.Diagnostics;
using System.Text.Json;
using Spp.Emulator;

namespace Spp.Bench.Daemon;

/// <summary>
/// Emulated secondaries connected to a daemon, in the bench's own process. The first <c>nfvs</c> client ids are
/// spp_nfv (the targets of pass-through requests); the others cycle through vf, mirror, pcap and nfv.
/// </summary>
public sealed class ConnectedProcesses : IAsyncDisposable
{
    private static readonly EmulatedKind[] Others = [EmulatedKind.Vf, EmulatedKind.Mirror, EmulatedKind.Pcap, EmulatedKind.Nfv];
    private static readonly TimeSpan ListLimit = TimeSpan.FromSeconds(60);

    /// <summary>How often the listing is asked for while waiting: a request costs the daemon some 30 µs of CPU.</summary>
    private static readonly TimeSpan ListPoll = TimeSpan.FromMilliseconds(2);

    private static readonly EmulatorOptions Options = new()
    {
        RetryInterval = TimeSpan.FromMilliseconds(50),
        WorkerExitDelay = TimeSpan.FromMilliseconds(50),
    };

    private readonly List<EmulatedProcess> processes = [];
    private readonly ControllerEndpoint secondaryPort;
    private readonly Uri listing;

    public ConnectedProcesses(DaemonProcess daemon)
    {
        secondaryPort = daemon.SecondaryPort;
        listing = new Uri(daemon.Api, "/v1/processes");
    }

    public int Count => processes.Count;

    /// <summary>
    /// Connects more secondaries until there are <paramref name="total"/>, all started in the same instant (each
    /// connects from its own task), and waits until the daemon lists them all.
    /// </summary>
    /// <returns>From starting the first to the daemon listing them all, to within <see cref="ListPoll"/>.</returns>
    public async Task<TimeSpan> GrowToAsync(int total, int nfvs)
    {
        var clock = Stopwatch.StartNew();
        for (var id = processes.Count + 1; id <= total; id++)
        {
            var kind = id <= nfvs ? EmulatedKind.Nfv : Others[(id - nfvs - 1) % Others.Length];
            processes.Add(EmulatedProcess.Start(kind, id, secondaryPort, Options));
        }
        await WaitUntilListedAsync(total);
        return clock.Elapsed;
    }

    /// <summary>Waits until <c>GET /v1/processes</c> lists exactly <paramref name="count"/> processes.</summary>
    public async Task WaitUntilListedAsync(int count)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var body = await http.GetStreamAsync(listing))
            {
                using var list = await JsonDocument.ParseAsync(body);
                if (list.RootElement.GetArrayLength() == count) return;
            }
            if (clock.Elapsed > ListLimit) throw new TimeoutException($"the daemon did not list {count} processes within {ListLimit}");
            await Task.Delay(ListPoll);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        processes.Clear();
    }
}
