using Spp.Protocol.Commands;
using Spp.Protocol.Grammar;

namespace Spp.Protocol.Tests.Commands;

/// <summary>rest-api.md 2.2.9-2.2.13; wire-protocol.md 5.10.</summary>
public class FlowCommandTests
{
    [Fact]
    public void The_validate_example_with_every_attribute()
    {
        // {"rule": {"group": 0, "priority": 0, "direction": "ingress", "transfer": true,
        //  "pattern": ["eth dst is 11:22:33:44:55:66 type mask 0xffff", "vlan vid is 100"],
        //  "actions": ["queue index 1", "of_pop_vlan"]}} on port 0
        var rule = new FlowRule(0, 0, "ingress", true,
            ["eth dst is 11:22:33:44:55:66 type mask 0xffff", "vlan vid is 100"],
            ["queue index 1", "of_pop_vlan"]);

        Assert.Equal(
            "flow validate phy:0 group 0 priority 0 transfer ingress pattern eth dst is 11:22:33:44:55:66 type mask 0xffff"
            + " / vlan vid is 100 / end actions queue index 1 / of_pop_vlan / end",
            FlowCommand.Build("validate", 0, rule));
    }

    [Fact]
    public void The_create_example_with_direction_only()
    {
        // {"rule": {"direction": "egress", "pattern": ["eth"], "actions": ["jump group 1"]}} on port 0
        var rule = new FlowRule(null, null, "egress", false, ["eth"], ["jump group 1"]);

        Assert.Equal("flow create phy:0 egress pattern eth / end actions jump group 1 / end",
            FlowCommand.Build("create", 0, rule));
    }

    [Fact]
    public void Empty_pattern_and_actions_leave_two_spaces_before_the_slash() =>
        Assert.Equal("flow validate phy:0 ingress pattern  / end actions  / end",
            FlowCommand.Build("validate", 0, new FlowRule(null, null, "ingress", false, [], [])));

    [Fact]
    public void Group_and_priority_come_first_then_transfer_then_direction() =>
        Assert.Equal("flow create phy:65535 group 4294967295 priority 7 transfer egress pattern eth / end actions drop / end",
            FlowCommand.Build("create", 65535, new FlowRule(4294967295, 7, "egress", true, ["eth"], ["drop"])));

    [Fact]
    public void Priority_alone_without_group() =>
        Assert.Equal("flow create phy:1 priority 2 ingress pattern eth / end actions drop / end",
            FlowCommand.Build("create", 1, new FlowRule(null, 2, "ingress", false, ["eth"], ["drop"])));

    [Fact]
    public void The_head_ends_with_the_pattern() =>
        Assert.Equal("flow validate phy:0 ingress pattern eth / vlan vid is 100 / end",
            FlowCommand.Head("validate", 0, new FlowRule(null, null, "ingress", false, ["eth", "vlan vid is 100"], ["drop"])));

    [Fact]
    public void Destroying_all_rules_of_a_port() => Assert.Equal("flow destroy phy:0 ALL", FlowCommand.DestroyAll(0));

    [Fact]
    public void Destroying_one_rule() =>
        Assert.Equal("flow destroy phy:65535 4294967295", FlowCommand.Destroy(65535, 4294967295));

    [Fact]
    public void A_rule_whose_actions_push_it_past_47_tokens_has_a_head_within_the_limits()
    {
        var rule = new FlowRule(null, null, "ingress", false, ["eth"], [.. Enumerable.Repeat("of_pop_vlan", 19)]);

        Assert.Equal(8, CommandLimits.CountTokens(FlowCommand.Head("create", 0, rule)));
        Assert.Equal(48, CommandLimits.CountTokens(FlowCommand.Build("create", 0, rule)));
        Assert.False(CommandLimits.Padded.Admits(FlowCommand.Build("create", 0, rule)));
    }
}
