using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog.Extensions.Logging;
using Spp.Actors;
using Spp.Actors.Connections;
using Spp.Actors.Events;
using Spp.Web.Access;
using Spp.Web.Api;
using Spp.Web.Audit;
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

    /// <summary>
    /// Builds and starts the daemon; ports of 0 are chosen by the system (see the port properties).
    /// <paramref name="configuration"/> is added to the host's configuration (appsettings.json, environment).
    /// Throws <see cref="StartRefusedException"/> when the configuration does not allow it to start.
    /// </summary>
    public static async Task<Daemon> StartAsync(DaemonOptions options, Serilog.ILogger log,
        IEnumerable<KeyValuePair<string, string?>>? configuration = null)
    {
        ListenerException.ThrowIfUnavailable(options.BindAddress,
            ("primary port", options.PrimaryPort), ("secondary port", options.SecondaryPort), ("REST API port", options.ApiPort));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        if (configuration is not null) builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(log));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.CommandTimeout + TimeSpan.FromSeconds(5));

        var access = AccessSettings.Read(builder.Configuration);
        if (AnonymousBinding.Refusal(options.BindAddress, access, options.AllowAnonymous) is { } refusal)
            throw new StartRefusedException(refusal);
        var settings = new ControllerSettings
        {
            CommandTimeout = options.CommandTimeout,
            IdentificationTimeout = options.IdentificationTimeout,
            AllowedPeers = access.ProcessPeers,
        };
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => new ControllerMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddMetricsExport();
        builder.Services.AddSingleton<HttpRequestMetrics>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>(ReadinessCheck.Name, tags: [ReadinessCheck.Tag]);
        builder.Services.AddOpenApi(ApiDocument.Configure);
        builder.Services.AddSingleton<ProcessEvents>();
        builder.Services.AddSingleton<ProcessRegistry>();
        builder.Services.AddSingleton<ConnectionLimiter>();
        builder.Services.AddSingleton<ProcessEndpoints>();
        builder.Services.AddSingleton(new CpuTopology(options.SysfsRoot));
        builder.Services.AddSingleton<CpuApi>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton<AccessControl>();
        builder.Services.AddSingleton(AuditSettings.Read(builder.Configuration));
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditApi>();
        builder.Services.AddSingleton(EventsSettings.Read(builder.Configuration));
        builder.Services.AddSingleton<EventsApi>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ExactRoutePolicy>());

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
        IReadOnlyList<ApiGroup> api;
        try
        {
            api = ApiCatalog.Groups(app.Services);
        }
        catch (StartRefusedException)
        {
            await app.DisposeAsync();
            throw;
        }
        app.Services.GetRequiredService<ProcessStartTime>();
        var requestMetrics = app.Services.GetRequiredService<HttpRequestMetrics>();
        app.Use(next => context => requestMetrics.InvokeAsync(context, next));
        app.UseRouting();
        app.Use(next => context => ApiRoutes.IdentifyAsync(context, next));
        OperatorEndpoints.Map(app);
        ApiRoutes.Map(app, api);
        app.UseEndpoints(_ => { });
        app.Run(ApiRoutes.NotFoundAsync);

        var registry = app.Services.GetRequiredService<ProcessRegistry>();
        var events = app.Services.GetRequiredService<ProcessEvents>();
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            events.Close();
            _ = registry.ShutDownAsync();
        });
        LogAccess(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Spp.Access"), options, access);
        await app.StartAsync();
        return new Daemon(app, listeners);
    }

    private static void LogAccess(ILogger logger, DaemonOptions options, AccessSettings access)
    {
        if (access.Enabled)
            logger.LogInformation("Access control on: {Count} token(s)", access.Tokens.Count);
        else if (!System.Net.IPAddress.IsLoopback(options.BindAddress))
            logger.LogWarning("Access control off on {Address} (--allow-anonymous): anyone who can reach the API can control the SPP processes", options.BindAddress);
        if (access.ProcessPeers.Count > 0)
            logger.LogInformation("SPP processes accepted only from {Peers}", string.Join(", ", access.ProcessPeers));
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
