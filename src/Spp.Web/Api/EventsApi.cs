using System.Text;
using System.Threading.Channels;
using Spp.Actors.Events;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>
/// <c>GET /v1/events</c>: Server-Sent Events, one per process event (<c>id:</c> its sequence number, <c>event:</c>
/// its name, <c>data:</c> its JSON), flushed one by one, until the client goes away or the controller stops. A
/// client that falls too far behind is sent a last <c>dropped</c> event and the stream ends.
/// </summary>
public sealed class EventsApi(ProcessEvents events, EventsSettings settings, TimeProvider clock)
{
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public IEnumerable<ApiEndpoint> Endpoints() =>
    [
        new("GET", "/v1/events", StreamAsync)
        {
            Doc = EndpointDoc.Read("Server-Sent Events (text/event-stream): connected, identified, replaced, disconnected, timed-out, command-applied; each data is a JSON object",
                ApiSchemas.EventData,
                new DocExample("identified", """{"time":"2026-11-22T01:02:03.456Z","process":"nfv:1","peer":"127.0.0.1:40000"}""")),
        },
    ];

    private async Task<ApiResult> StreamAsync(EndpointCall call)
    {
        var response = call.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsHead(call.Http.Request.Method)) return ApiResult.Done;

        // Subscribe before the headers go out: a client that has the headers misses no later event.
        using var subscription = events.Subscribe(settings.SubscriberCapacity);
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
                await WriteAsync(response.Body, e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), EventJson.Name(e), EventJson.Data(e), aborted);
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
