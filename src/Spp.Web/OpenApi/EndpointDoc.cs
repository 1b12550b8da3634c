using System.Text.Json.Nodes;

namespace Spp.Web.OpenApi;

/// <summary>A named example of a request or response body, as JSON text.</summary>
public sealed record DocExample(string Name, string Json);

/// <summary>
/// What the OpenAPI document says about one endpoint: a summary, the request body's schema and examples, the
/// success status with its body schema and example, and the error statuses it can answer. Schemas are JSON Schema
/// objects built with <see cref="Schema"/>.
/// </summary>
public sealed record EndpointDoc(string Summary)
{
    public string? Description { get; init; }

    /// <summary>A factory, since a JSON node can sit in one document only.</summary>
    public Func<JsonObject>? RequestSchema { get; init; }

    public IReadOnlyList<DocExample> RequestExamples { get; init; } = [];

    /// <summary><c>200</c> with a JSON body, or <c>204</c> without one.</summary>
    public int Success { get; init; } = 204;

    public Func<JsonObject>? ResponseSchema { get; init; }

    public DocExample? ResponseExample { get; init; }

    /// <summary>Error statuses, each answered as one line of <c>text/plain</c>.</summary>
    public IReadOnlyList<int> Errors { get; init; } = [];

    /// <summary>A change: body <paramref name="schema"/>, <c>204</c>, <c>400</c> for bad input or a command error.</summary>
    public static EndpointDoc Change(string summary, Func<JsonObject> schema, params DocExample[] examples) =>
        new(summary) { RequestSchema = schema, RequestExamples = examples, Errors = [400, 404, 500] };

    /// <summary>A change without a body: <c>204</c>.</summary>
    public static EndpointDoc Command(string summary, params int[] errors) => new(summary) { Errors = errors };

    /// <summary>A read: <c>200</c> with a JSON body.</summary>
    public static EndpointDoc Read(string summary, Func<JsonObject> schema, DocExample example, params int[] errors) =>
        new(summary) { Success = 200, ResponseSchema = schema, ResponseExample = example, Errors = errors };
}
