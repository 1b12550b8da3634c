using System.Text.Json;
using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>The body of <c>PUT /v1/primary/launch</c>, validated in the order of rest-api.md 2.2.7.</summary>
public static class LaunchRequest
{
    private static readonly string[] LcoreOptions = ["-c", "-l", "--lcores"];

    public static string Command(JsonBody body)
    {
        body.RequireAll("client_id", "proc_name", "eal", "app");
        var clientId = ClientId(body.Require("client_id"));
        var procName = body.OneOf("proc_name", [.. LaunchCommand.AppOptions.Keys]);
        var eal = body.Require("eal");
        if (eal.ValueKind != JsonValueKind.Object) throw ApiRejection.Invalid("eal", eal);
        var app = body.Require("app");
        if (app.ValueKind != JsonValueKind.Object) throw ApiRejection.Invalid("app", app);

        var ealOptions = Options(eal);
        if (!LcoreOptions.Any(ealOptions.ContainsKey)) throw ApiRejection.Required("-c, -l or --lcores");
        if (!ealOptions.ContainsKey("--proc-type")) throw ApiRejection.Required("--proc-type");
        var ealValues = Values(ealOptions, LaunchCommand.EalOptions);
        var appValues = Values(Options(app), LaunchCommand.AppOptions[procName]);

        if (!CommandLimits.Padded.Admits(LaunchCommand.Head(clientId, procName, ealValues)))
            throw ApiRejection.Invalid("eal", JsonValueText.Compacted(eal));
        var command = LaunchCommand.Build(clientId, procName, ealValues, appValues);
        return CommandLimits.Padded.Admits(command) ? command : throw ApiRejection.Invalid("app", JsonValueText.Compacted(app));
    }

    private static long ClientId(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && Digits.TryRead(value.GetString(), long.MaxValue, out var fromText))
            return fromText;
        if (JsonBody.IsInteger(value) && value.TryGetInt64(out var number) && number >= 0) return number;
        throw ApiRejection.Invalid("client_id", value);
    }

    /// <summary>Option name to value, the last occurrence of a name winning.</summary>
    private static Dictionary<string, JsonElement> Options(JsonElement obj)
    {
        var options = new Dictionary<string, JsonElement>();
        foreach (var member in obj.EnumerateObject()) options[member.Name] = member.Value;
        return options;
    }

    /// <summary>The values of the options that will be used, checked: a string, an integer or null.</summary>
    private static Dictionary<string, string?> Values(Dictionary<string, JsonElement> options, IReadOnlyList<string> used)
    {
        var values = new Dictionary<string, string?>();
        foreach (var name in used.Where(options.ContainsKey))
        {
            var value = options[name];
            values[name] = value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when !JsonBody.HasControlCharacter(value.GetString()!) => value.GetString(),
                JsonValueKind.Number when JsonBody.IsInteger(value) => value.GetRawText(),
                _ => throw ApiRejection.Invalid(name, value),
            };
        }
        return values;
    }
}
