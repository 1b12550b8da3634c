using System.Net.Http.Headers;
using System.Text;
using Spp.Emulator;
using Spp.Web.Hosting;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// A daemon on ephemeral loopback ports, an HTTP client for its API, and the emulated processes connected to it.
/// </summary>
public sealed class Controller : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<EmulatedProcess> processes = [];

    private Controller(Daemon daemon, CollectingSink logs)
    {
        Daemon = daemon;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daemon.ApiPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public Daemon Daemon { get; }
    public HttpClient Http { get; }
    public CollectingSink Logs { get; }
    public ControllerEndpoint PrimaryPort => new("127.0.0.1", Daemon.PrimaryPort);
    public ControllerEndpoint SecondaryPort => new("127.0.0.1", Daemon.SecondaryPort);

    public static readonly EmulatorOptions FastEmulator = new()
    {
        RetryInterval = TimeSpan.FromMilliseconds(50),
        WorkerExitDelay = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>
    /// A daemon on ephemeral loopback ports; <paramref name="tune"/> adjusts its options, <paramref name="configuration"/>
    /// holds settings as the host reads them from appsettings.json (<c>Access:Tokens:0:Name</c>, <c>Audit:Path</c>, ...).
    /// </summary>
    public static async Task<Controller> StartAsync(TimeSpan? commandTimeout = null, string? sysfsRoot = null,
        Func<DaemonOptions, DaemonOptions>? tune = null, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var logs = new CollectingSink();
        var options = new DaemonOptions
        {
            PrimaryPort = 0,
            SecondaryPort = 0,
            ApiPort = 0,
            CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(10),
            SysfsRoot = sysfsRoot ?? Machine.CpuTopology.DefaultSysfsRoot,
        };
        return new Controller(await Daemon.StartAsync(tune?.Invoke(options) ?? options, logs.Logger(), configuration), logs);
    }

    /// <summary>Starts an emulated process and waits until the API lists it.</summary>
    public async Task<EmulatedProcess> ConnectAsync(EmulatedKind kind, int clientId = 0, EmulatorOptions? options = null)
    {
        var process = Start(kind, clientId, options);
        await WaitUntilListedAsync(Listing(kind, clientId));
        return process;
    }

    /// <summary>Connects what <c>--demo</c> starts: a primary, nfv 1, vf 2, mirror 3 and pcap 4.</summary>
    public async Task<List<EmulatedProcess>> ConnectDemoAsync() =>
    [
        await ConnectAsync(EmulatedKind.Primary), await ConnectAsync(EmulatedKind.Nfv, 1), await ConnectAsync(EmulatedKind.Vf, 2),
        await ConnectAsync(EmulatedKind.Mirror, 3), await ConnectAsync(EmulatedKind.Pcap, 4),
    ];

    /// <summary>Starts an emulated process without waiting for it.</summary>
    public EmulatedProcess Start(EmulatedKind kind, int clientId = 0, EmulatorOptions? options = null)
    {
        var endpoint = kind == EmulatedKind.Primary ? PrimaryPort : SecondaryPort;
        var process = EmulatedProcess.Start(kind, clientId, endpoint, options ?? FastEmulator);
        lock (processes) processes.Add(process);
        return process;
    }

    public static string Listing(EmulatedKind kind, int clientId) => kind == EmulatedKind.Primary
        ? """{"type":"primary"}"""
        : $$"""{"type":"{{kind.ToString().ToLowerInvariant()}}","client-id":{{clientId}}}""";

    public Task WaitUntilListedAsync(string entry) =>
        Eventually.HoldsAsync(async () => (await GetStringAsync("/v1/processes")).Contains(entry), $"{entry} listed");

    public Task WaitUntilNotListedAsync(string entry) =>
        Eventually.HoldsAsync(async () => !(await GetStringAsync("/v1/processes")).Contains(entry), $"{entry} no longer listed");

    public async Task<string> GetStringAsync(string path) => await (await Http.GetAsync(path)).Content.ReadAsStringAsync();

    public Task<HttpResponseMessage> SendAsync(string method, string path, string? body = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return Http.SendAsync(request);
    }

    /// <summary>A request with headers, e.g. <c>("If-Match", etag)</c> or <c>("Authorization", "Bearer ...")</c>.</summary>
    public Task<HttpResponseMessage> SendAsync(string method, string path, string? body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync("GET", path);
    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync("DELETE", path);
    public Task<HttpResponseMessage> PutAsync(string path, string body) => SendAsync("PUT", path, body);
    public Task<HttpResponseMessage> PostAsync(string path, string body) => SendAsync("POST", path, body);

    public async ValueTask DisposeAsync()
    {
        List<EmulatedProcess> all;
        lock (processes) all = [.. processes];
        foreach (var process in all) await process.DisposeAsync();
        Http.Dispose();
        await Daemon.DisposeAsync();
    }
}
