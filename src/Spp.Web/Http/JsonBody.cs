using System.Text.Json;
using Spp.Protocol.Grammar;

namespace Spp.Web.Http;

/// <summary>
/// A request body that is a JSON object, with the checks every endpoint applies to its members
/// (rest-api.md 1.4). Each check throws <see cref="ApiRejection"/> with the contract's message.
/// </summary>
public sealed class JsonBody(JsonElement root)
{
    public JsonElement Root => root;

    /// <summary>The member's value; if a name occurs twice the last occurrence wins.</summary>
    public JsonElement? Find(string key) => Find(root, key);

    public static JsonElement? Find(JsonElement obj, string key)
    {
        JsonElement? found = null;
        foreach (var member in obj.EnumerateObject())
            if (member.NameEquals(key)) found = member.Value;
        return found;
    }

    /// <summary>Checks that each key is present, in order.</summary>
    public void RequireAll(params string[] keys)
    {
        foreach (var key in keys)
            if (Find(key) is null) throw ApiRejection.Required(key);
    }

    public JsonElement Require(string key) => Find(key) ?? throw ApiRejection.Required(key);

    /// <summary>A required string member that must be one of <paramref name="allowed"/>.</summary>
    public string OneOf(string key, params string[] allowed)
    {
        var value = Require(key);
        if (value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString())) return value.GetString()!;
        throw ApiRejection.Invalid(key, value);
    }

    /// <summary>A required resource UID whose type is one of <paramref name="types"/> (all types if none given).</summary>
    public ResourceId Port(string key, params string[] types)
    {
        var value = Require(key);
        if (value.ValueKind == JsonValueKind.String && ResourceId.TryParse(value.GetString(), out var id)
            && (types.Length == 0 || (types.Contains(id.Type) && id.Queue is null)))
            return id;
        throw ApiRejection.Invalid(key, value);
    }

    /// <summary>A required JSON integer (no fraction, no exponent, not a boolean) within the bounds.</summary>
    public long Integer(string key, long min, long max) => IntegerOf(key, Require(key), min, max);

    public static long IntegerOf(string key, JsonElement value, long min, long max)
    {
        if (IsInteger(value) && value.TryGetInt64(out var n) && n >= min && n <= max) return n;
        throw ApiRejection.Invalid(key, value);
    }

    public static bool IsInteger(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number) return false;
        var raw = value.GetRawText();
        return !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E');
    }

    /// <summary>True if the text holds a control character (U+0000-U+001F, U+007F).</summary>
    public static bool HasControlCharacter(string text) => text.Any(c => c < ' ' || c == '\u007f');
}
