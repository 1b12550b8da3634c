namespace Spp.Web.Http;

/// <summary>One request that matched an endpoint: its path parameters and, once read, its body.</summary>
public sealed class EndpointCall(HttpContext http, IReadOnlyDictionary<string, string> parameters)
{
    private JsonBody? body;

    public HttpContext Http { get; } = http;

    public CancellationToken Aborted => Http.RequestAborted;

    public IReadOnlyDictionary<string, string> Parameters => parameters;

    /// <summary>A path parameter, percent-decoded.</summary>
    public string Parameter(string name) => parameters[name];

    /// <summary>The other host this call is for, under <c>/v1/hosts/{host}</c>; null for this host.</summary>
    public Hosts.RemoteHost? Host { get; set; }

    public JsonBody Body
    {
        get => body ?? throw new InvalidOperationException("the body of this endpoint was not read");
        set => body = value;
    }
}
