using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Serilog.Extensions.Logging;
using Spp.Actors;
using Spp.Actors.Connections;
using Spp.Web.Api;
using Spp.Web.Machine;
using Spp.Web.Http;
using Spp.Web.Observability;
using Spp.Web.OpenApi;

namespace Spp.Web.Hosting;

/// <summary>
/// One Kestrel host with three listeners: the primary port and the secondary port, whose connections are handed
/// to process actors, and the REST API over HTTP/1.1.
/// </summary>
public sealed class Daemon : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ListenOptions[] listeners;

    private Daemon(WebApplication app, ListenOptions[] listeners)
    {
        this.app = app;
        this.listeners = listeners;
    }

    public int PrimaryPort => listeners[0].IPEndPoint!.Port;
    public int SecondaryPort => listeners[1].IPEndPoint!.Port;
    public int ApiPort => listeners[2].IPEndPoint!.Port;

    public IServiceProvider Services => app.Services;

    /// <summary>Builds and starts the daemon; ports of 0 are chosen by the system (see the port properties).</summary>
    public static async Task<Daemon> StartAsync(DaemonOptions options, Serilog.ILogger log)
    {
        ListenerException.ThrowIfUnavailable(options.BindAddress,
            ("primary port", options.PrimaryPort), ("secondary port", options.SecondaryPort), ("REST API port", options.ApiPort));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(log));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.CommandTimeout + TimeSpan.FromSeconds(5));

        var settings = new ControllerSettings { CommandTimeout = options.CommandTimeout, IdentificationTimeout = options.IdentificationTimeout };
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => new ControllerMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton<MetricsCollector>();
        builder.Services.AddSingleton<HttpRequestMetrics>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>(ReadinessCheck.Name, tags: [ReadinessCheck.Tag]);
        builder.Services.AddOpenApi(ApiDocument.Configure);
        builder.Services.AddSingleton<ProcessRegistry>();
        builder.Services.AddSingleton<ConnectionLimiter>();
        builder.Services.AddSingleton<ProcessEndpoints>();
        builder.Services.AddSingleton(new CpuTopology(options.SysfsRoot));
        builder.Services.AddSingleton<CpuApi>();
        builder.Services.AddSingleton(sp => new Router(ApiCatalog.Endpoints(sp), sp.GetRequiredService<ILogger<Router>>()));

        var listeners = new ListenOptions[3];
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            KestrelLimits.Apply(kestrel.Limits, options);
            kestrel.Listen(options.BindAddress, options.PrimaryPort, l =>
            {
                l.UseConnectionHandler<PrimaryConnectionHandler>();
                listeners[0] = l;
            });
            kestrel.Listen(options.BindAddress, options.SecondaryPort, l =>
            {
                l.UseConnectionHandler<SecondaryConnectionHandler>();
                listeners[1] = l;
            });
            kestrel.Listen(options.BindAddress, options.ApiPort, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                ConnectionLimit.Apply(l, options.Limits.MaxApiConnections);
                listeners[2] = l;
            });
        });

        var app = builder.Build();
        app.Services.GetRequiredService<MetricsCollector>();
        var requestMetrics = app.Services.GetRequiredService<HttpRequestMetrics>();
        app.Use(next => context => requestMetrics.InvokeAsync(context, next));
        app.UseRouting();
        OperatorEndpoints.Map(app);
        app.UseEndpoints(_ => { });
        var router = app.Services.GetRequiredService<Router>();
        app.Run(router.HandleAsync);

        var registry = app.Services.GetRequiredService<ProcessRegistry>();
        app.Lifetime.ApplicationStopping.Register(() => _ = registry.ShutDownAsync());
        await app.StartAsync();
        return new Daemon(app, listeners);
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
