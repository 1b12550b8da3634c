using System.Net;

namespace Spp.Bench.Load;

/// <summary>
/// One kind of request the load generator sends over and over, spread round-robin over <see cref="Targets"/>,
/// and the status every answer must have.
/// </summary>
public sealed record ApiCall(HttpMethod Method, IReadOnlyList<Uri> Targets, byte[]? Body, HttpStatusCode Expected)
{
    public static ApiCall Get(Uri api, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        new(HttpMethod.Get, [new Uri(api, path)], null, expected);

    /// <summary><c>{id}</c> in <paramref name="pathTemplate"/> is replaced by each of <paramref name="ids"/>.</summary>
    public static ApiCall PerProcess(HttpMethod method, Uri api, string pathTemplate, IEnumerable<int> ids, string? body, HttpStatusCode expected) =>
        new(method, ids.Select(id => new Uri(api, pathTemplate.Replace("{id}", $"{id}"))).ToArray(),
            body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), expected);

    public HttpRequestMessage Create(long sequence) => new(Method, Targets[(int)(sequence % Targets.Count)])
    {
        Content = Body is null ? null : new ByteArrayContent(Body),
    };
}
