using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Primary.Flow;

/// <summary>
/// Flow rules per NIC. The next rule id of a port is the id of its most recently created surviving rule plus
/// one (0 when none), so destroying the newest rule makes its id reusable.
/// </summary>
internal sealed class FlowRuleBook
{
    private readonly Dictionary<int, List<FlowRule>> _rules = [];

    public FlowRule Create(FlowRuleRequest request)
    {
        var rules = RulesList(request.Port);
        var rule = new FlowRule(rules.Count == 0 ? 0 : rules[^1].RuleId + 1, request);
        rules.Add(rule);
        return rule;
    }

    public bool Destroy(int port, int ruleId) => RulesList(port).RemoveAll(r => r.RuleId == ruleId) > 0;

    public void DestroyAll(int port) => RulesList(port).Clear();

    /// <summary>The <c>flow</c> array of a port in primary status, ascending rule id.</summary>
    public string StatusJson(int port) => Compact.Array(RulesList(port).Select(RuleJson));

    private static string RuleJson(FlowRule rule)
    {
        var a = rule.Request.Attributes;
        var attributes = Compact.Object(
            ("group", a.Group.ToString()),
            ("priority", a.Priority.ToString()),
            ("ingress", Bit(a.Ingress)),
            ("egress", Bit(a.Egress)),
            ("transfer", Bit(a.Transfer)));
        return Compact.Object(
            ("rule_id", rule.RuleId.ToString()),
            ("attr", attributes),
            ("patterns", Compact.Array(rule.Request.Patterns)),
            ("actions", Compact.Array(rule.Request.Actions)));
    }

    private static string Bit(bool set) => set ? "1" : "0";

    private List<FlowRule> RulesList(int port) =>
        _rules.TryGetValue(port, out var rules) ? rules : _rules[port] = [];
}
