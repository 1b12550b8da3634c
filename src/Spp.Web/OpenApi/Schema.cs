using System.Text.Json.Nodes;

namespace Spp.Web.OpenApi;

/// <summary>
/// Builds the JSON Schema subset the API documents use: <c>type</c> (one or several), <c>properties</c>,
/// <c>required</c>, <c>enum</c>, <c>items</c>, <c>minimum</c>, <c>maximum</c>, <c>pattern</c>, <c>description</c>.
/// </summary>
public static class Schema
{
    /// <summary>A resource UID (rest-api.md 1.5), the multi-queue forms included.</summary>
    public const string ResourceIdPattern = "^((phy|vhost|ring|pcap|nullpmd|tap|memif|pipe):[0-9]{1,10}|phy:[0-9]{1,10}(nq| nq )[0-9]{1,10})$";

    /// <summary>A component name: 1-31 printable ASCII characters except <c>/</c>, <c>"</c> and <c>\</c>.</summary>
    public const string ComponentNamePattern = """^[!#-.0-\[\]-~]{1,31}$""";

    public const string MacAddressPattern = "^(default|[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5})$";

    public const string DigitsPattern = "^[0-9]+$";

    public static JsonObject String(string? description = null, string? pattern = null)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (pattern is not null) schema["pattern"] = pattern;
        return Describe(schema, description);
    }

    public static JsonObject Enum(string description, params string[] values) =>
        Describe(new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) }, description);

    public static JsonObject Integer(string? description = null, long? minimum = null, long? maximum = null)
    {
        var schema = new JsonObject { ["type"] = "integer" };
        if (minimum is { } min) schema["minimum"] = min;
        if (maximum is { } max) schema["maximum"] = max;
        return Describe(schema, description);
    }

    public static JsonObject Boolean(string? description = null) => Describe(new JsonObject { ["type"] = "boolean" }, description);

    public static JsonObject Array(JsonObject items, string? description = null) =>
        Describe(new JsonObject { ["type"] = "array", ["items"] = items }, description);

    /// <summary>An object with these members; the names in <paramref name="required"/> must be present.</summary>
    public static JsonObject Object(string[] required, params (string Name, JsonObject Schema)[] properties)
    {
        var members = new JsonObject();
        foreach (var (name, schema) in properties) members[name] = schema;
        var result = new JsonObject { ["type"] = "object", ["properties"] = members };
        if (required.Length > 0) result["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        return result;
    }

    /// <summary>A value of any of several types, e.g. <c>["integer", "string"]</c>.</summary>
    public static JsonObject OfTypes(string description, params string[] types) =>
        Describe(new JsonObject { ["type"] = new JsonArray([.. types.Select(t => (JsonNode)t)]) }, description);

    public static JsonObject ResourceId(string description = "resource UID, e.g. ring:0, phy:0, phy:0nq1") =>
        String(description, ResourceIdPattern);

    /// <summary>A resource UID of one of <paramref name="types"/>, without a queue.</summary>
    public static JsonObject ResourceIdOf(string description, params string[] types) =>
        String(description, $"^({string.Join('|', types)}):[0-9]{{1,10}}$");

    public static JsonObject Describe(JsonObject schema, string? description)
    {
        if (description is not null) schema["description"] = description;
        return schema;
    }
}
