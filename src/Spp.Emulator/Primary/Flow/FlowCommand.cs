using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Primary.Flow;

/// <summary>The primary's <c>flow validate|create|destroy</c> commands and their flow-style replies.</summary>
internal static class FlowCommand
{
    // rte_flow reports an absent port as an unspecified error with ENODEV.
    private const string NoDeviceDetail = @"\nerror type: 1 (cause unspecified)\nerror message: No such device\nrte_errno: No such device";

    private static readonly string InvalidArgument = Error("Flow command invalid argument");

    public static string Handle(Request request, FlowRuleBook rules, Func<int, bool> isNic) => request.Token(1) switch
    {
        "validate" => Validate(request, isNic),
        "create" => Create(request, rules, isNic),
        "destroy" => Destroy(request, rules, isNic),
        _ => InvalidArgument,
    };

    private static string Validate(Request request, Func<int, bool> isNic) =>
        FlowRequestParser.Parse(request.Tokens, 2) switch
        {
            null => InvalidArgument,
            var rule when !isNic(rule.Port) => Error("Flow validate error" + NoDeviceDetail),
            _ => Success("Flow rule validated"),
        };

    private static string Create(Request request, FlowRuleBook rules, Func<int, bool> isNic)
    {
        var parsed = FlowRequestParser.Parse(request.Tokens, 2);
        if (parsed is null) return InvalidArgument;
        if (!isNic(parsed.Port))
            return JsonStyle.Flow.Object(("result", Str("error")), ("message", Str("Flow create error" + NoDeviceDetail)), ("rule_id", Str("")));
        var rule = rules.Create(parsed);
        return JsonStyle.Flow.Object(
            ("result", Str("success")),
            ("message", Str($"Flow rule #{rule.RuleId} created")),
            ("rule_id", Str(rule.RuleId.ToString())));
    }

    private static string Destroy(Request request, FlowRuleBook rules, Func<int, bool> isNic)
    {
        if (FlowRequestParser.PhyPort(request.Token(2)) is not { } port || request.Token(3) is not { } target)
            return InvalidArgument;
        if (!isNic(port)) return Error($"Invalid port {port}");
        if (target == "ALL")
        {
            rules.DestroyAll(port);
            return Success("Flow rule all destroyed");
        }
        // The rule id is read with atoi: text that is not a number reads as 0.
        CNumber.Read(target, 0, 10, out var id);
        var ruleId = (int)Math.Clamp(id, int.MinValue, int.MaxValue);
        return rules.Destroy(port, ruleId)
            ? Success($"Flow rule #{ruleId} destroyed")
            : Error($"Flow rule #{ruleId} not found");
    }

    private static string Success(string message) => JsonStyle.Flow.Object(("result", Str("success")), ("message", Str(message)));

    private static string Error(string message) => JsonStyle.Flow.Object(("result", Str("error")), ("message", Str(message)));
}
