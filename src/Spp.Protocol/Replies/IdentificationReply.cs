using System.Text;
using System.Text.Json;
using Spp.Protocol.Grammar;

namespace Spp.Protocol.Replies;

/// <summary>
/// Reads a secondary's answer to <c>_get_client_id</c> (wire-protocol.md 3.2, 3.3): a JSON object with an integer
/// <c>client_id</c> of at least 0 and a known <c>process_type</c>; a bare decimal integer (spp_nfv before 2019) is
/// taken as an nfv. Anything else identifies nothing.
/// </summary>
public static class IdentificationReply
{
    public static ProcessId? Read(byte[] reply)
    {
        if (Digits.IsAllDigits(Encoding.ASCII.GetString(reply)))
            return int.TryParse(reply, out var bare) ? new ProcessId(ProcessType.Nfv, bare) : null;

        JsonElement root;
        try
        {
            root = JsonElement.Parse(reply);
        }
        catch (JsonException)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("process_type", out var typeName) || typeName.ValueKind != JsonValueKind.String
            || !ProcessTypes.TryParseSecondary(typeName.GetString(), out var type)
            || !root.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.Number
            || !id.TryGetInt32(out var clientId) || clientId < 0
            || ReportsError(root))
            return null;
        return new ProcessId(type, clientId);
    }

    private static bool ReportsError(JsonElement root) =>
        root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
        && results.GetArrayLength() > 0 && results[0].ValueKind == JsonValueKind.Object
        && results[0].TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String
        && result.ValueEquals("error");
}
