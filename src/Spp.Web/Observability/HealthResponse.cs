using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spp.Web.Observability;

/// <summary>
/// The body of <c>/healthz</c> and <c>/readyz</c>: <c>{"status": "Healthy"}</c>, and for readiness the
/// figures of the readiness check, e.g. <c>{"status":"Degraded","description":"no primary connected",
/// "listeners":"bound","processes":0,"primary":false}</c>.
/// </summary>
public static class HealthResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            foreach (var entry in report.Entries.Values)
            {
                if (entry.Description is { } description) json.WriteString("description", description);
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case bool flag: json.WriteBoolean(key, flag); break;
                        case int number: json.WriteNumber(key, number); break;
                        default: json.WriteString(key, value.ToString()); break;
                    }
                }
            }
            json.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(buffer.ToArray());
    }
}
