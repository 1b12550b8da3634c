using System.Text.Json;
using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>The flow-rule endpoints' path parameters and body, validated as rest-api.md 1.2 and 2.2.9 say.</summary>
public static class FlowRequest
{
    private const long MaxPortId = 65535;
    private const long MaxUnsigned32 = 4294967295;

    public static long PortId(EndpointCall call) => PathNumber(call, "port_id", MaxPortId);

    public static long RuleId(EndpointCall call) => PathNumber(call, "rule_id", MaxUnsigned32);

    /// <summary><paramref name="sub"/> is <c>validate</c> or <c>create</c>.</summary>
    public static string Command(string sub, EndpointCall call)
    {
        var portId = PortId(call);
        var rule = Rule(call.Body);
        if (!CommandLimits.Padded.Admits(FlowCommand.Head(sub, portId, rule)))
            throw ApiRejection.Invalid("pattern", ArrayText(call.Body, "pattern"));
        var command = FlowCommand.Build(sub, portId, rule);
        return CommandLimits.Padded.Admits(command) ? command : throw ApiRejection.Invalid("actions", ArrayText(call.Body, "actions"));
    }

    private static FlowRule Rule(JsonBody body)
    {
        var rule = body.Require("rule");
        if (rule.ValueKind != JsonValueKind.Object) throw ApiRejection.Invalid("rule", rule);
        var group = Optional(rule, "group") is { } g ? JsonBody.IntegerOf("group", g, 0, MaxUnsigned32) : (long?)null;
        var priority = Optional(rule, "priority") is { } p ? JsonBody.IntegerOf("priority", p, 0, MaxUnsigned32) : (long?)null;
        var direction = Optional(rule, "direction") ?? throw ApiRejection.Required("direction");
        if (direction.ValueKind != JsonValueKind.String) throw ApiRejection.Invalid("direction", direction);
        var transfer = Optional(rule, "transfer") is { } t
            ? t.ValueKind is JsonValueKind.True or JsonValueKind.False ? t.GetBoolean() : throw ApiRejection.Invalid("transfer", t)
            : false;
        var pattern = RequiredArray(rule, "pattern");
        var actions = RequiredArray(rule, "actions");
        if (direction.GetString() is not ("ingress" or "egress")) throw ApiRejection.Invalid("direction", direction);
        return new FlowRule(group, priority, direction.GetString()!, transfer, Items("pattern", pattern), Items("actions", actions));
    }

    private static JsonElement? Optional(JsonElement rule, string key) => JsonBody.Find(rule, key);

    private static JsonElement RequiredArray(JsonElement rule, string key)
    {
        var value = Optional(rule, key) ?? throw ApiRejection.Required(key);
        return value.ValueKind == JsonValueKind.Array ? value : throw ApiRejection.Invalid(key, value);
    }

    private static List<string> Items(string key, JsonElement array)
    {
        var items = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || JsonBody.HasControlCharacter(item.GetString()!))
                throw ApiRejection.Invalid(key, JsonValueText.Compacted(array));
            items.Add(item.GetString()!);
        }
        return items;
    }

    private static string ArrayText(JsonBody body, string key) =>
        JsonValueText.Compacted(JsonBody.Find(body.Require("rule"), key)!.Value);

    private static long PathNumber(EndpointCall call, string name, long max)
    {
        var text = call.Parameter(name);
        return Digits.TryReadPathSegment(text, max, out var value) ? value : throw ApiRejection.Invalid(name, text);
    }
}
