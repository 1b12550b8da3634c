using System.Text.Json;

namespace Spp.Web.Tests.Fixtures;

/// <summary>One Server-Sent Event as a client receives it.</summary>
public sealed record ServerEvent(string? Id, string Name, JsonElement Data)
{
    public string Text(string member) => Data.GetProperty(member).GetString()!;

    public override string ToString() => $"{Name} {Data.GetRawText()}";
}

/// <summary>A real HTTP client of <c>GET /v1/events</c>, reading the stream line by line.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public HttpResponseMessage Response => response;

    /// <summary>Opens the stream; once this returns the controller has subscribed it.</summary>
    public static Task<EventStream> OpenAsync(Controller controller, params (string Name, string Value)[] headers) =>
        OpenAsync(controller, "/v1/events", headers);

    /// <summary>Opens the stream at <paramref name="path"/>, e.g. with a query.</summary>
    public static async Task<EventStream> OpenAsync(Controller controller, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await controller.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new EventStream(response, reader);
    }

    /// <summary>The next event, or null when the controller ended the stream.</summary>
    public async Task<ServerEvent?> NextAsync()
    {
        using var patience = new CancellationTokenSource(Controller.Patience);
        string? id = null, name = null, data = null;
        while (await reader.ReadLineAsync(patience.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null) return new ServerEvent(id, name, JsonElement.Parse(data ?? "null"));
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
        return null;
    }

    /// <summary>The next <paramref name="count"/> events.</summary>
    public async Task<List<ServerEvent>> TakeAsync(int count)
    {
        var events = new List<ServerEvent>();
        while (events.Count < count) events.Add(await NextAsync() ?? throw new InvalidOperationException($"stream ended after {events.Count} events"));
        return events;
    }

    /// <summary>Events up to and including the first one that <paramref name="last"/> accepts.</summary>
    public async Task<List<ServerEvent>> UntilAsync(Func<ServerEvent, bool> last)
    {
        var events = new List<ServerEvent>();
        while (true)
        {
            var e = await NextAsync() ?? throw new InvalidOperationException($"stream ended after {string.Join(", ", events)}");
            events.Add(e);
            if (last(e)) return events;
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
