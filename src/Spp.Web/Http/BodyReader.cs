using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Spp.Web.Http;

/// <summary>Reads a PUT or POST body as one JSON object (rest-api.md 1.3), whatever its content type.</summary>
public static class BodyReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly ApiRejection TooLarge = new(413, "Request body too large.");
    private static readonly ApiRejection NotJson = new(400, "Not in json format.");
    private static readonly ApiRejection NotObject = new(400, "Request body must be a JSON object.");

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBodyBytes) throw TooLarge;
        var buffer = new MemoryStream();
        // Pooled: a fresh chunk was most of what a PUT allocated.
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) throw TooLarge;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static JsonBody Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (bytes.IsEmpty || !Utf8.IsValid(bytes)) throw NotJson;
        JsonElement root;
        try
        {
            root = JsonElement.Parse(bytes);
        }
        catch (JsonException)
        {
            throw NotJson;
        }
        if (HasUndecodableString(bytes)) throw NotJson;
        return root.ValueKind == JsonValueKind.Object ? new JsonBody(root) : throw NotObject;
    }

    /// <summary>
    /// True if a string or member name escapes a lone surrogate (<c>"\ud800"</c>): the syntax is JSON, but the text is no
    /// Unicode and has no UTF-8 form, so reading it would throw wherever an endpoint reads it. Called on syntax already
    /// checked, so the reader finds nothing else to object to.
    /// </summary>
    private static bool HasUndecodableString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf("\\u"u8) < 0) return false;
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
        return false;
    }
}
