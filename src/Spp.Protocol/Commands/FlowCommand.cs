namespace Spp.Protocol.Commands;

/// <summary>An rte_flow rule as the REST API carries it (rest-api.md 2.2.9).</summary>
public sealed record FlowRule(
    long? Group,
    long? Priority,
    string Direction,
    bool Transfer,
    IReadOnlyList<string> Pattern,
    IReadOnlyList<string> Actions);

/// <summary>spp_primary's <c>flow</c> commands (wire-protocol.md 5.10).</summary>
public static class FlowCommand
{
    /// <summary>The text up to and including <c>pattern {P} / end</c>.</summary>
    public static string Head(string sub, long portId, FlowRule rule)
    {
        var attrs = (rule.Group is { } g ? $"group {g} " : "")
            + (rule.Priority is { } p ? $"priority {p} " : "")
            + (rule.Transfer ? "transfer " : "")
            + $"{rule.Direction} ";
        return $"flow {sub} phy:{portId} {attrs}pattern {string.Join(" / ", rule.Pattern)} / end";
    }

    /// <summary><paramref name="sub"/> is <c>validate</c> or <c>create</c>.</summary>
    public static string Build(string sub, long portId, FlowRule rule) =>
        $"{Head(sub, portId, rule)} actions {string.Join(" / ", rule.Actions)} / end";

    public static string DestroyAll(long portId) => $"flow destroy phy:{portId} ALL";

    public static string Destroy(long portId, long ruleId) => $"flow destroy phy:{portId} {ruleId}";
}
