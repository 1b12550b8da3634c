using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Primitives;
using Spp.Actors.Events;
using Spp.Actors.Hosts;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>
/// <c>GET /v1/events</c>: Server-Sent Events, one per process event (<c>id:</c> its sequence number, <c>event:</c>
/// its name, <c>data:</c> its JSON), flushed one by one, until the client goes away or the controller stops. A
/// client that falls too far behind is sent a last <c>dropped</c> event and the stream ends. With
/// <c>?hosts=all</c> the stream also carries the process events of the other hosts of the cluster, and every process
/// event names its <c>host</c>.
/// </summary>
public sealed class EventsApi(ProcessEvents events, EventsSettings settings, TimeProvider clock, HostDirectory hosts)
{
    public const string AllHosts = "all";

    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public IEnumerable<ApiEndpoint> Endpoints() =>
    [
        new("GET", "/v1/events", StreamAsync)
        {
            Doc = EndpointDoc.Read("Server-Sent Events (text/event-stream): connected, refused, identified, replaced, disconnected, timed-out, command-applied, host-up, host-unreachable, host-left; each data is a JSON object (query: hosts=all adds the other hosts' process events, each data with its host)",
                ApiSchemas.EventData,
                new DocExample("command-applied on host c, with hosts=all", """{"host":"c","time":"2026-11-22T01:02:03.456Z","operator":"alice","process":"nfv:1","command":"add ring:0","outcome":"success","duration-ms":0.8}"""),
                400),
        },
    ];

    private async Task<ApiResult> StreamAsync(EndpointCall call)
    {
        var everyHost = EveryHost(call.Http.Request.Query["hosts"]);
        var response = call.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsHead(call.Http.Request.Method)) return ApiResult.Done;

        // Subscribe before the headers go out: a client that has the headers misses no later event.
        using var subscription = events.Subscribe(settings.SubscriberCapacity, otherHosts: everyHost);
        var aborted = call.Aborted;
        try
        {
            await response.StartAsync(aborted);
            await response.Body.FlushAsync(aborted);
            while (await WaitAsync(subscription.Reader, aborted))
            {
                if (!subscription.Reader.TryRead(out var e))
                {
                    await response.Body.WriteAsync(KeepAlive, aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }
                await WriteAsync(response.Body, e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), EventJson.Name(e),
                    everyHost ? EventJson.DataOnHost(e, hosts.Self) : EventJson.Data(e), aborted);
            }
            if (subscription.Dropped)
                await WriteAsync(response.Body, null, EventJson.Dropped, EventJson.DroppedData(clock.GetUtcNow(), subscription.Capacity), aborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away.
        }
        return ApiResult.Done;
    }

    /// <summary>
    /// <c>hosts=all</c>: every host's events; absent: this host's alone. A repeated parameter counts with its last
    /// value, as in <c>/v1/audit</c>.
    /// </summary>
    private static bool EveryHost(StringValues values)
    {
        if (values.Count == 0) return false;
        if (values[^1] == AllHosts) return true;
        throw new ApiRejection(StatusCodes.Status400BadRequest, $"invalid key(hosts): {values[^1]}; only \"{AllHosts}\" is accepted.");
    }

    /// <summary>True when an event is ready or the keep-alive interval passed; false when the subscription ended.</summary>
    private async Task<bool> WaitAsync(ChannelReader<ProcessEvent> reader, CancellationToken aborted)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        quiet.CancelAfter(settings.KeepAliveInterval);
        try
        {
            return await reader.WaitToReadAsync(quiet.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return true;
        }
    }

    private static async Task WriteAsync(Stream body, string? id, string name, byte[] data, CancellationToken aborted)
    {
        var head = id is null ? $"event: {name}\ndata: " : $"id: {id}\nevent: {name}\ndata: ";
        await body.WriteAsync(Encoding.UTF8.GetBytes(head), aborted);
        await body.WriteAsync(data, aborted);
        await body.WriteAsync(EventEnd, aborted);
        await body.FlushAsync(aborted);
    }
}
