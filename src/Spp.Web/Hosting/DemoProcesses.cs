using System.Net;
using Spp.Emulator;

namespace Spp.Web.Hosting;

/// <summary>
/// <c>--demo</c>: emulated processes that connect to this daemon, so that it can be tried without DPDK: a primary
/// (whose <c>launch</c> starts further emulated secondaries), nfv 1, vf 2, mirror 3 and pcap 4.
/// </summary>
public static class DemoProcesses
{
    public static Fleet Start(DaemonOptions options, Daemon daemon, Serilog.ILogger log)
    {
        var host = options.BindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback.ToString() : options.BindAddress.ToString();
        log.Information("Starting the demo processes: primary, nfv 1, vf 2, mirror 3, pcap 4");
        return Fleet.StartDemo(
            new ControllerEndpoint(host, daemon.PrimaryPort),
            new ControllerEndpoint(host, daemon.SecondaryPort),
            new EmulatorOptions { LaunchSecondaries = true });
    }
}
