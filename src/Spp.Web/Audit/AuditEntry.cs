using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spp.Protocol;
using Spp.Web.Http;

namespace Spp.Web.Audit;

/// <summary>
/// One request that changed (or tried to change) a process: when it was asked (after its validation), who asked,
/// which process, the REST call, the command for the wire, the HTTP status and outcome (<c>ok</c> or the error
/// line), and how long the process took to answer, queueing included.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Operator,
    string Process,
    string Method,
    string Path,
    string Command,
    int Status,
    string Outcome,
    double DurationMs)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The entry for a request that reached <paramref name="process"/> and was answered with <paramref name="result"/>.</summary>
    public static AuditEntry Of(EndpointCall call, string caller, ProcessId process, string command, ApiResult result,
        DateTimeOffset receivedAt, TimeSpan elapsed) =>
        new(receivedAt, caller, process.ToString(), call.Http.Request.Method, RequestPath.Of(call.Http).Raw, command,
            result switch
            {
                ApiResult.Json => StatusCodes.Status200OK,
                ApiResult.Error error => error.Status,
                _ => StatusCodes.Status204NoContent,
            },
            result is ApiResult.Error { Message: var message } ? message : "ok",
            elapsed.TotalMilliseconds);

    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("operator", Operator);
        json.WriteString("process", Process);
        json.WriteString("method", Method);
        json.WriteString("path", Path);
        json.WriteString("command", Command);
        json.WriteNumber("status", Status);
        json.WriteString("outcome", Outcome);
        json.WriteNumber("duration-ms", Math.Round(DurationMs, 3));
        json.WriteEndObject();
    }

    /// <summary>One line of the JSON-lines file, newline included.</summary>
    public byte[] ToLine()
    {
        return [.. JsonBytes.Write(WriteTo, Options), (byte)'\n'];
    }

    /// <summary>An entry read back from a line of the file, or null if the line is not one.</summary>
    public static AuditEntry? Parse(string line)
    {
        try
        {
            var e = JsonElement.Parse(line);
            return new AuditEntry(
                DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                e.GetProperty("operator").GetString()!,
                e.GetProperty("process").GetString()!,
                e.GetProperty("method").GetString()!,
                e.GetProperty("path").GetString()!,
                e.GetProperty("command").GetString()!,
                e.GetProperty("status").GetInt32(),
                e.GetProperty("outcome").GetString()!,
                e.GetProperty("duration-ms").GetDouble());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            return null;
        }
    }
}
