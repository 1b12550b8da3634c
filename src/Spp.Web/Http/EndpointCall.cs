namespace Spp.Web.Http;

/// <summary>One request that matched an endpoint: its path parameters and, once read, its body.</summary>
public sealed class EndpointCall(HttpContext http, IReadOnlyDictionary<string, string> parameters)
{
    private JsonBody? body;

    public HttpContext Http { get; } = http;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A path parameter, percent-decoded.</summary>
    public string Parameter(string name) => parameters[name];

    public JsonBody Body
    {
        get => body ?? throw new InvalidOperationException("the body of this endpoint was not read");
        set => body = value;
    }
}
