using System.Buffers;
using System.Text.Json;

namespace Spp.Web.Http;

/// <summary>JSON written with a <see cref="Utf8JsonWriter"/>, as the bytes of a response body, a file line or a hash input.</summary>
public static class JsonBytes
{
    public static byte[] Write(Action<Utf8JsonWriter> write, JsonWriterOptions options = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, options)) write(json);
        return buffer.WrittenSpan.ToArray();
    }
}
