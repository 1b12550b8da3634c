namespace Spp.Emulator.Primary.Flow;

/// <summary>Attributes of an rte_flow rule.</summary>
internal sealed record FlowAttributes(long Group, long Priority, bool Ingress, bool Egress, bool Transfer);

/// <summary>A parsed <c>flow validate|create</c> request; patterns and actions are kept as their status JSON.</summary>
internal sealed record FlowRuleRequest(int Port, FlowAttributes Attributes, IReadOnlyList<string> Patterns, IReadOnlyList<string> Actions);

/// <summary>A flow rule installed on a NIC.</summary>
internal sealed record FlowRule(int RuleId, FlowRuleRequest Request);
