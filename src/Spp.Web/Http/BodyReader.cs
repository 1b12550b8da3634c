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
        return root.ValueKind == JsonValueKind.Object ? new JsonBody(root) : throw NotObject;
    }
}
