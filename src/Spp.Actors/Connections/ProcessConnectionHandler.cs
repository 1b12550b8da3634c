using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Spp.Protocol;

namespace Spp.Actors.Connections;

/// <summary>
/// The whole life of one SPP process connection: identify it, let its actor own it until it ends, close it.
/// </summary>
public abstract class ProcessConnectionHandler(
    ProcessRegistry registry, ConnectionLimiter limiter, ControllerSettings settings, ILoggerFactory loggers)
    : ConnectionHandler
{
    private readonly ILogger logger = loggers.CreateLogger("Spp.Connections");

    protected ControllerSettings Settings => settings;

    protected ConnectionLimiter Limiter => limiter;

    protected ControllerMetrics? Metrics => registry.Metrics;

    protected abstract Task<ProcessId?> IdentifyAsync(ProcessLine line, string peer);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var peer = connection.RemoteEndPoint?.ToString() ?? "unknown peer";
        using var place = limiter.TryOpen(peer);
        if (place is null)
        {
            connection.Abort();
            return;
        }
        logger.LogInformation("Connection from {Peer} on {Port}", peer, connection.LocalEndPoint);
        var line = new ProcessLine(connection.Transport, settings);
        try
        {
            var id = await IdentifyAsync(line, peer);
            if (id is null) return;

            var actor = new ProcessActor(id.Value, line, settings, loggers.CreateLogger("Spp.Process"), registry.Metrics);
            await registry.AdmitAsync(actor);
            await actor.RunAsync();
            logger.LogInformation("{Process} connection from {Peer} closed", id.Value, peer);
        }
        finally
        {
            line.Release();
            connection.Abort();
        }
    }
}

/// <summary>The primary port: whoever connects is the primary.</summary>
public sealed class PrimaryConnectionHandler(
    ProcessRegistry registry, ConnectionLimiter limiter, ControllerSettings settings, ILoggerFactory loggers)
    : ProcessConnectionHandler(registry, limiter, settings, loggers)
{
    protected override Task<ProcessId?> IdentifyAsync(ProcessLine line, string peer) =>
        Task.FromResult<ProcessId?>(ProcessId.Primary);
}

/// <summary>The secondary port: each newcomer must say who it is before it is registered.</summary>
public sealed class SecondaryConnectionHandler(
    ProcessRegistry registry, ConnectionLimiter limiter, ControllerSettings settings, ILoggerFactory loggers)
    : ProcessConnectionHandler(registry, limiter, settings, loggers)
{
    private readonly ILogger newcomers = loggers.CreateLogger("Spp.Connections");

    protected override async Task<ProcessId?> IdentifyAsync(ProcessLine line, string peer)
    {
        using var place = Limiter.TryIdentify(peer);
        if (place is null) return null;
        var (id, reason) = await SecondaryIdentifier.IdentifyAsync(line, Settings);
        if (reason == nameof(Messages.LineFailure.Timeout)) Metrics?.IdentificationTimedOut();
        if (id is null) newcomers.LogWarning("Newcomer {Peer} not identified: {Reason}; closing", peer, reason);
        else newcomers.LogInformation("Newcomer {Peer} identified as {Process}", peer, id);
        return id;
    }
}
