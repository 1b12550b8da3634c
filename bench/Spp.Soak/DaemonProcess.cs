using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Spp.Soak;

/// <summary>The daemon under soak, as its own OS process so that its memory is its own.</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process process;

    private DaemonProcess(Process process, int primaryPort, int secondaryPort, int apiPort)
    {
        this.process = process;
        PrimaryPort = primaryPort;
        SecondaryPort = secondaryPort;
        ApiPort = apiPort;
    }

    public int PrimaryPort { get; }
    public int SecondaryPort { get; }
    public int ApiPort { get; }

    public static DaemonProcess Start(int timeoutSeconds)
    {
        var (primary, secondary, api) = (FreePort(), FreePort(), FreePort());
        var dll = Path.Combine(AppContext.BaseDirectory, "Spp.Web.dll");
        var info = new ProcessStartInfo("dotnet", $"{dll} -b 127.0.0.1 -p {primary} -s {secondary} -a {api} --timeout {timeoutSeconds}")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new DaemonProcess(process, primary, secondary, api);
    }

    public static async Task WaitUntilAnsweringAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/v1/processes")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Resident memory in MiB, from /proc.</summary>
    public double ResidentMebibytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:"));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
