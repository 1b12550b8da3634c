using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Spp.Web.Http;

namespace Spp.Web.OpenApi;

/// <summary>
/// Completes the document Microsoft.AspNetCore.OpenApi generates from the API's endpoints: each operation is
/// described from the <see cref="ApiEndpoint"/> in its endpoint's metadata (summary, path parameters, body schema,
/// examples, status codes), HEAD (answered as GET) is left out, and a route's trailing-slash alias
/// (<c>DELETE /v1/primary/</c>), one endpoint to ASP.NET Core, gets its own path.
/// </summary>
public static class ApiDocument
{
    public const string Route = "/openapi/v1.json";

    private static readonly Dictionary<int, string> ErrorMeaning = new()
    {
        [400] = "Bad input (nothing sent), or the process reported that the command failed (command error: ...).",
        [404] = "No such route, or no registered process of the URL's type and id (sec_id N not found. / primary not found.).",
        [405] = "The route exists but not with this method.",
        [413] = "Request body too large.",
        [500] = "Communication error, timeout or invalid reply of the process.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            var endpoints = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiEndpoint>().ToList();
            if (endpoints.Count > 0) Describe(operation, endpoints[0]);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, context, _) =>
        {
            Complete(document, context.DescriptionGroups.SelectMany(g => g.Items)
                .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiEndpoint>().Skip(1)));
            return Task.CompletedTask;
        });
    }

    private static void Complete(OpenApiDocument document, IEnumerable<ApiEndpoint> aliases)
    {
        document.Info = new OpenApiInfo
        {
            Title = "spp-ctl",
            Version = "v1",
            Description = "REST API of the Soft Patch Panel controller. Errors are one line of text/plain.",
        };
        document.Paths ??= new OpenApiPaths();
        foreach (var item in document.Paths.Values) item.Operations?.Remove(HttpMethod.Head);
        foreach (var alias in aliases.DistinctBy(a => (a.Method, a.Route)))
        {
            if (!document.Paths.TryGetValue(alias.Route, out var item)) document.Paths[alias.Route] = item = new OpenApiPathItem { Operations = [] };
            var operation = new OpenApiOperation();
            Describe(operation, alias);
            ((OpenApiPathItem)item).Operations![new HttpMethod(alias.Method)] = operation;
        }
    }

    private static void Describe(OpenApiOperation operation, ApiEndpoint endpoint)
    {
        var doc = endpoint.Doc ?? new EndpointDoc($"{endpoint.Method} {endpoint.Route}");
        operation.Summary = doc.Summary;
        operation.Description = doc.Description;
        operation.OperationId = OperationId(endpoint);
        operation.Parameters = [.. Parameters(endpoint.Route)];
        operation.RequestBody = null;
        operation.Responses = [];
        if (doc.RequestSchema is { } requestSchema)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = Convert(requestSchema()), Examples = Examples(doc.RequestExamples) },
                },
            };
        }
        var success = new OpenApiResponse { Description = doc.Success == 204 ? "Done; no content." : "The data." };
        if (doc.ResponseSchema is { } responseSchema)
        {
            success.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = Convert(responseSchema()),
                    Examples = doc.ResponseExample is { } example ? Examples([example]) : null,
                },
            };
        }
        operation.Responses[doc.Success.ToString(CultureInfo.InvariantCulture)] = success;
        foreach (var status in doc.Errors.Order())
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ErrorMeaning.GetValueOrDefault(status, "Error."),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
    }

    private static Dictionary<string, IOpenApiExample>? Examples(IReadOnlyList<DocExample> examples) =>
        examples.Count == 0 ? null : examples.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample { Value = JsonNode.Parse(e.Json) });

    private static IEnumerable<IOpenApiParameter> Parameters(string route)
    {
        foreach (var segment in route.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment[1..^1];
            yield return new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = name switch
                {
                    "client_id" => "client id of the secondary, decimal digits",
                    "name" => "component name",
                    "port_id" => "physical port id, decimal digits, at most 65535",
                    "rule_id" => "flow rule id, decimal digits, at most 4294967295",
                    _ => null,
                },
                Schema = Convert(name == "name" ? Schema.String(null, Schema.ComponentNamePattern) : Schema.String(null, Schema.DigitsPattern)),
            };
        }
    }

    private static string OperationId(ApiEndpoint endpoint)
    {
        var words = endpoint.Route.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(s => s.Trim('{', '}').Replace("_", ""));
        return endpoint.Method.ToLowerInvariant() + string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]))
            + (endpoint.Route.EndsWith('/') ? "Slash" : "");
    }

    /// <summary>A JSON Schema object of the subset <see cref="Schema"/> builds, as the OpenAPI model's schema.</summary>
    public static OpenApiSchema Convert(JsonObject json)
    {
        var schema = new OpenApiSchema();
        foreach (var (keyword, value) in json)
        {
            switch (keyword)
            {
                case "type":
                    schema.Type = value is JsonArray types
                        ? types.Select(t => TypeOf(t!.GetValue<string>())).Aggregate((a, b) => a | b)
                        : TypeOf(value!.GetValue<string>());
                    break;
                case "description": schema.Description = value!.GetValue<string>(); break;
                case "pattern": schema.Pattern = value!.GetValue<string>(); break;
                case "minimum": schema.Minimum = value!.ToJsonString(); break;
                case "maximum": schema.Maximum = value!.ToJsonString(); break;
                case "enum": schema.Enum = [.. value!.AsArray().Select(v => v!.DeepClone())]; break;
                case "items": schema.Items = Convert(value!.AsObject()); break;
                case "required": schema.Required = new HashSet<string>(value!.AsArray().Select(v => v!.GetValue<string>())); break;
                case "properties":
                    schema.Properties = value!.AsObject().ToDictionary(p => p.Key, p => (IOpenApiSchema)Convert(p.Value!.AsObject()));
                    break;
                default: throw new NotSupportedException($"schema keyword {keyword}");
            }
        }
        return schema;
    }

    private static JsonSchemaType TypeOf(string name) => name switch
    {
        "string" => JsonSchemaType.String,
        "integer" => JsonSchemaType.Integer,
        "number" => JsonSchemaType.Number,
        "boolean" => JsonSchemaType.Boolean,
        "object" => JsonSchemaType.Object,
        "array" => JsonSchemaType.Array,
        "null" => JsonSchemaType.Null,
        _ => throw new NotSupportedException($"schema type {name}"),
    };
}
