using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Spp.Protocol;
using Spp.Protocol.Grammar;
using Spp.Web.Audit;
using Spp.Web.Http;
using Spp.Web.OpenApi;

namespace Spp.Web.Api;

/// <summary>
/// <c>GET /v1/audit?limit=N&amp;process=nfv:1</c>: the most recent audit entries, oldest first, as a JSON array.
/// <c>limit</c> is 1 to 1000000 (default 100); <c>process</c> is <c>primary</c> or <c>{type}:{client_id}</c>.
/// </summary>
public sealed class AuditApi(AuditTrail audit)
{
    public const int DefaultLimit = 100;

    public IEnumerable<ApiEndpoint> Endpoints() =>
    [
        new("GET", "/v1/audit", call => Task.FromResult(Recent(call.Http.Request.Query)))
        {
            Doc = EndpointDoc.Read("The most recent changes that reached a process, oldest first (query: limit, process)",
                ApiSchemas.AuditEntries,
                new DocExample("one change", """[{"time":"2026-11-22T01:02:03.456Z","operator":"alice","process":"nfv:1","method":"PUT","path":"/v1/nfvs/1/forward","command":"forward","status":204,"outcome":"ok","duration-ms":0.8}]"""),
                400),
        },
    ];

    private ApiResult Recent(IQueryCollection query)
    {
        var limit = Last(query["limit"]) is { } limitText
            ? Digits.TryRead(limitText, AuditSettings.MaxCapacity, out var n) && n > 0 ? (int)n : throw ApiRejection.Invalid("limit", limitText)
            : DefaultLimit;
        ProcessId? process = Last(query["process"]) is { } processText
            ? Process(processText) ?? throw ApiRejection.Invalid("process", processText)
            : null;

        var bytes = JsonBytes.Write(json =>
        {
            json.WriteStartArray();
            foreach (var entry in audit.Recent(limit, process?.ToString())) entry.WriteTo(json);
            json.WriteEndArray();
        });
        return new ApiResult.Json(bytes);
    }

    /// <summary>A repeated query parameter counts with its last value, as a repeated body member does.</summary>
    private static string? Last(StringValues values) => values.Count == 0 ? null : values[^1];

    /// <summary><c>primary</c>, or <c>nfv|vf|mirror|pcap:{digits}</c>.</summary>
    private static ProcessId? Process(string text)
    {
        if (text == "primary") return ProcessId.Primary;
        var colon = text.IndexOf(':');
        if (colon < 0 || !ProcessTypes.TryParseSecondary(text[..colon], out var type)) return null;
        return Digits.TryReadPathSegment(text.AsSpan(colon + 1), int.MaxValue, out var id) ? new ProcessId(type, (int)id) : null;
    }
}
