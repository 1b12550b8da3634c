using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// Checks a JSON value against the JSON Schema subset the OpenAPI document uses: <c>type</c> (a name or a list),
/// <c>properties</c>, <c>required</c>, <c>enum</c>, <c>items</c>, <c>minimum</c>, <c>maximum</c>, <c>pattern</c>;
/// <c>description</c> is ignored and any other keyword is an error, so the document cannot outgrow the check.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<string> Errors(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case "description":
                    break;
                case "type":
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
                    if (!types.Any(t => IsOfType(value, t))) errors.Add($"{at}: {value.ValueKind} is not {string.Join(" or ", types)}");
                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value))) errors.Add($"{at}: {value.GetRawText()} is not one of {rule.GetRawText()}");
                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                        foreach (var name in rule.EnumerateArray().Select(n => n.GetString()!))
                            if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: {name} is required");
                    break;
                case "properties":
                    if (value.ValueKind == JsonValueKind.Object)
                        foreach (var property in rule.EnumerateObject())
                            if (value.TryGetProperty(property.Name, out var member)) Check(property.Value, member, $"{at}.{property.Name}", errors);
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var i = 0;
                        foreach (var item in value.EnumerateArray()) Check(rule, item, $"{at}[{i++}]", errors);
                    }
                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() < rule.GetDecimal()) errors.Add($"{at}: {value} < {rule}");
                    break;
                case "maximum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() > rule.GetDecimal()) errors.Add($"{at}: {value} > {rule}");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, rule.GetString()!))
                        errors.Add($"{at}: '{value.GetString()}' does not match {rule.GetString()}");
                    break;
                default:
                    errors.Add($"{at}: unsupported schema keyword {keyword.Name}");
                    break;
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && !value.GetRawText().Any(c => c is '.' or 'e' or 'E'),
        _ => false,
    };
}
