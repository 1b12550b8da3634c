using Akka.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using Spp.Actors;
using Spp.Actors.Connections;
using Spp.Actors.Events;
using Spp.Actors.Hosts;
using Spp.Web.Access;
using Spp.Web.Api;
using Spp.Web.Audit;
using Spp.Web.Machine;
using Spp.Web.Hosts;
using Spp.Web.Http;
using Spp.Web.Observability;
using Spp.Web.OpenApi;
using Spp.Web.Topology;

namespace Spp.Web.Hosting;

/// <summary>
/// The daemon's host: the actor system (Akka.Hosting) whose registry owns every SPP process connection, the primary
/// and the secondary port bound with Akka.Streams TCP, and Kestrel serving the REST API over HTTP/1.1.
/// </summary>
public sealed class Daemon : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ListenOptions api;
    private readonly SppPorts ports;

    private Daemon(WebApplication app, ListenOptions api)
    {
        this.app = app;
        this.api = api;
        ports = app.Services.GetRequiredService<SppPorts>();
    }

    public int PrimaryPort => ports.PrimaryPort;
    public int SecondaryPort => ports.SecondaryPort;
    public int ApiPort => api.IPEndPoint!.Port;

    public IServiceProvider Services => app.Services;

    /// <summary>Why the cluster refused this daemon (its host name was taken, its certificate not the cluster's), which then stopped; null otherwise.</summary>
    public string? ClusterRefusal => app.Services.GetRequiredService<HostDirectory>().Refusal
        // Akka.Remote stops the system with a reason of its own, internal type when a handshake fails.
        ?? (Akka.Actor.CoordinatedShutdown.Get(app.Services.GetRequiredService<Akka.Actor.ActorSystem>()).ShutdownReason?.GetType().Name
            == "TlsHandshakeFailureReason"
                ? "the TLS handshake with the cluster failed: Cluster:Certificate:Path must name the certificate its members present"
                : null);

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
        // The settings were read and checked by SettingsLoader. The host's own sources would add keys nobody checked,
        // and its file watcher, on the working directory, would wake up on every line of a log file written there.
        // Its sources are cleared below; the one flag it reads first keeps it from starting a watcher thread for them.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        if (configuration is not null) builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log);
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
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(ReadinessCheck.Name, services => new ReadinessCheck(
            services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ProcessDirectory>(),
            () => services.GetRequiredService<SppPorts>().Accepting), failureStatus: null, tags: [ReadinessCheck.Tag]));
        builder.Services.AddOpenApi(ApiDocument.Configure);
        builder.Services.AddSingleton<ProcessEvents>();
        builder.Services.AddSingleton<ProcessDirectory>();
        builder.Services.AddSingleton<ConnectionLimiter>();
        builder.Services.AddSingleton(options);
        var hostName = options.Cluster.HostName ?? HostNames.Default();
        builder.Services.AddSingleton(new HostDirectory(hostName, $"{options.Cluster.Address ?? options.BindAddress}:{options.Cluster.Port}"));
        builder.Services.AddSingleton<HostCalls>();
        builder.Services.AddSingleton<HostRoutes>();
        builder.Services.AddAkka(ClusterSetup.SystemName, akka => akka
            .AddHocon(ActorSystemSettings.Hocon(settings), HoconAddMode.Prepend)
            .ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .WithProcessRegistry()
            .WithHosts(options.Cluster, options.BindAddress, hostName));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SppPorts>());
        if (options.Cluster.Enabled) builder.Services.AddHostedService<HostEventRelay>();
        builder.Services.AddSingleton<SppPorts>();
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
        builder.Services.AddSingleton<PanelReader>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ExactRoutePolicy>());

        ListenOptions? api = null;
        var certificate = ApiCertificateOf(options.Tls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            KestrelLimits.Apply(kestrel.Limits, options);
            kestrel.Listen(options.BindAddress, options.ApiPort, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                if (certificate is not null) l.UseHttps(certificate);
                ConnectionLimit.Apply(l, options.Limits.MaxApiConnections);
                api = l;
            });
        });

        var app = builder.Build();
        IReadOnlyList<ApiGroup> apiGroups;
        try
        {
            apiGroups = ApiCatalog.Groups(app.Services);
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
        // Resolved once: through context.RequestServices it would cost a service scope per request.
        var accessControl = app.Services.GetRequiredService<AccessControl>();
        app.Use(next => context => ApiRoutes.IdentifyAsync(context, next, accessControl));
        OperatorEndpoints.Map(app);
        TopologyEndpoints.Map(app);
        ApiRoutes.Map(app, apiGroups);
        app.UseEndpoints(_ => { });
        app.Run(ApiRoutes.NotFoundAsync);

        var events = app.Services.GetRequiredService<ProcessEvents>();
        app.Lifetime.ApplicationStopping.Register(events.Close);
        LogAccess(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Spp.Access"), options, access);
        try
        {
            await app.StartAsync();
        }
        catch (ListenerException)
        {
            await app.DisposeAsync();
            throw;
        }
        if (!options.Cluster.Enabled) app.Services.GetRequiredService<HostDirectory>().Announce($"{options.BindAddress}:{api!.IPEndPoint!.Port}");
        return new Daemon(app, api!);
    }

    /// <summary>The API's certificate, or null for plain HTTP; the settings loader has already tried the files.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2? ApiCertificateOf(TlsSettings tls)
    {
        try
        {
            return tls.Enabled || tls.KeyPath is not null ? ApiCertificate.Load(tls) : null;
        }
        catch (CertificateException e)
        {
            throw new ConfigurationException([$"{e.Setting}: {e.Message}"]);
        }
    }

    private static void LogAccess(ILogger logger, DaemonOptions options, AccessSettings access)
    {
        if (access.Enabled)
            logger.LogInformation("Access control on: {Count} token(s)", access.Tokens.Count);
        if (access.Enabled && !System.Net.IPAddress.IsLoopback(options.BindAddress) && !options.Tls.Enabled)
            logger.LogWarning("Access tokens travel in clear text to the API on {Address}: anyone on the way can read and reuse them. Serve it over HTTPS (--tls-cert, --tls-key)", options.BindAddress);
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
