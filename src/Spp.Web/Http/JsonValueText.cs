using System.Text.Encodings.Web;
using System.Text.Json;

namespace Spp.Web.Http;

/// <summary>
/// How a value appears in <c>invalid key(...): {value}.</c>: a string as its raw characters, anything else as
/// compact JSON with numbers exactly as they were written (rest-api.md 1.6).
/// </summary>
public static class JsonValueText
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!;
        return Compacted(value);
    }

    public static string Compacted(JsonElement value)
    {
        return System.Text.Encoding.UTF8.GetString(JsonBytes.Write(value.WriteTo, Compact));
    }
}
