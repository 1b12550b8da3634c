using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Spp.Actors.Events;
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

    /// <summary>Which port this handler serves, as events name it: <c>primary</c> or <c>secondary</c>.</summary>
    protected abstract string PortName { get; }

    protected abstract Task<ProcessId?> IdentifyAsync(ProcessLine line, string peer);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var peer = connection.RemoteEndPoint?.ToString() ?? "unknown peer";
        var events = registry.Events;
        if (!Admits(connection.RemoteEndPoint))
        {
            logger.LogWarning("Connection from {Peer} on {Port} refused: not an allowed peer", peer, connection.LocalEndPoint);
            events.Publish(new ProcessEvent.Refused(peer, PortName, "not an allowed peer"));
            connection.Abort();
            return;
        }
        using var place = limiter.TryOpen(peer);
        if (place is null)
        {
            events.Publish(new ProcessEvent.Refused(peer, PortName, "too many connections"));
            connection.Abort();
            return;
        }
        logger.LogInformation("Connection from {Peer} on {Port}", peer, connection.LocalEndPoint);
        events.Publish(new ProcessEvent.Connected(peer, PortName));
        var line = new ProcessLine(connection.Transport, settings);
        try
        {
            var id = await IdentifyAsync(line, peer);
            if (id is null)
            {
                events.Publish(new ProcessEvent.Disconnected(null, peer, "not identified"));
                return;
            }
            events.Publish(new ProcessEvent.Identified(id.Value, peer));

            var actor = new ProcessActor(id.Value, line, settings, loggers.CreateLogger("Spp.Process"), registry.Metrics, events);
            await registry.AdmitAsync(actor);
            await actor.RunAsync();
            logger.LogInformation("{Process} connection from {Peer} closed", id.Value, peer);
            events.Publish(new ProcessEvent.Disconnected(id.Value, peer, actor.EndReason));
        }
        finally
        {
            line.Release();
            connection.Abort();
        }
    }

    private bool Admits(EndPoint? remote)
    {
        if (settings.AllowedPeers.Count == 0) return true;
        if (remote is not IPEndPoint { Address: var address }) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return settings.AllowedPeers.Any(network => network.Contains(address));
    }
}

/// <summary>The primary port: whoever connects is the primary.</summary>
public sealed class PrimaryConnectionHandler(
    ProcessRegistry registry, ConnectionLimiter limiter, ControllerSettings settings, ILoggerFactory loggers)
    : ProcessConnectionHandler(registry, limiter, settings, loggers)
{
    protected override string PortName => "primary";

    protected override Task<ProcessId?> IdentifyAsync(ProcessLine line, string peer) =>
        Task.FromResult<ProcessId?>(ProcessId.Primary);
}

/// <summary>The secondary port: each newcomer must say who it is before it is registered.</summary>
public sealed class SecondaryConnectionHandler(
    ProcessRegistry registry, ConnectionLimiter limiter, ControllerSettings settings, ILoggerFactory loggers)
    : ProcessConnectionHandler(registry, limiter, settings, loggers)
{
    private readonly ILogger newcomers = loggers.CreateLogger("Spp.Connections");

    protected override string PortName => "secondary";

    protected override async Task<ProcessId?> IdentifyAsync(ProcessLine line, string peer)
    {
        using var place = Limiter.TryIdentify(peer);
        if (place is null) return null;
        var (id, failure) = await SecondaryIdentifier.IdentifyAsync(line, Settings);
        if (failure == Messages.LineFailure.Timeout) Metrics?.IdentificationTimedOut();
        if (id is null)
            newcomers.LogWarning("Newcomer {Peer} not identified: {Reason}; closing", peer,
                failure?.ToString() ?? "unrecognised reply to _get_client_id");
        else newcomers.LogInformation("Newcomer {Peer} identified as {Process}", peer, id);
        return id;
    }
}
