using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Primary.Flow;

/// <summary>
/// Parses <c>flow validate|create phy:P ATTR* pattern ITEM (/ ITEM)* / end actions ACTION (/ ACTION)* / end</c>
/// starting at the port token. Any deviation is the process' "invalid argument".
/// </summary>
internal sealed class FlowRequestParser
{
    private static readonly string[] SpecKinds = ["is", "spec", "last", "mask", "prefix"];

    private readonly string[] _tokens;
    private int _next;

    private FlowRequestParser(string[] tokens, int start)
    {
        _tokens = tokens;
        _next = start;
    }

    public static FlowRuleRequest? Parse(string[] tokens, int start)
    {
        var parser = new FlowRequestParser(tokens, start);
        try
        {
            return parser.Rule();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The port of <c>phy:P</c>, or null when the token is not a phy port.</summary>
    public static int? PhyPort(string? token) =>
        token is not null && token.StartsWith("phy:", StringComparison.Ordinal)
        && CNumber.TryParseInRange(token[4..], 10, 0, int.MaxValue, out var port) ? port : null;

    private FlowRuleRequest Rule()
    {
        var port = PhyPort(Take()) ?? throw new FormatException();
        var attributes = Attributes();
        var patterns = List(Item);
        Expect("actions");
        var actions = List(Action);
        if (_next != _tokens.Length) throw new FormatException();
        return new FlowRuleRequest(port, attributes, patterns, actions);
    }

    private FlowAttributes Attributes()
    {
        var attributes = new FlowAttributes(0, 0, false, false, false);
        while (Take() is var word && word != "pattern")
        {
            attributes = word switch
            {
                "group" => attributes with { Group = Decimal() },
                "priority" => attributes with { Priority = Decimal() },
                "ingress" => attributes with { Ingress = true },
                "egress" => attributes with { Egress = true },
                "transfer" => attributes with { Transfer = true },
                _ => throw new FormatException(),
            };
        }
        return attributes;
    }

    // ELEMENT (/ ELEMENT)* / end; an empty list is just "/ end".
    private List<string> List(Func<string, string> element)
    {
        var elements = new List<string>();
        var word = Take();
        if (word == "/")
        {
            Expect("end");
            return elements;
        }
        while (true)
        {
            elements.Add(element(word));
            Expect("/");
            word = Take();
            if (word == "end") return elements;
        }
    }

    private string Item(string type)
    {
        if (type is not ("eth" or "vlan")) throw new FormatException();
        FlowItemFields? spec = null, last = null, mask = null;
        while (Peek() is { } name && name != "/")
        {
            _next++;
            var field = FlowItemFields.Field(type, name) ?? throw new FormatException();
            var kind = Take();
            if (!SpecKinds.Contains(kind)) throw new FormatException();
            var value = field.IsMac && kind != "prefix" ? Mac() : Number();
            switch (kind)
            {
                case "is":
                    (spec ??= new(type)).Set(field, value);
                    (mask ??= new(type)).SetFull(field);
                    break;
                case "spec": (spec ??= new(type)).Set(field, value); break;
                case "last": (last ??= new(type)).Set(field, value); break;
                case "mask": (mask ??= new(type)).Set(field, value); break;
                default: (mask ??= new(type)).Set(field, LeadingOnes((int)value, field.Width)); break;
            }
        }
        return Compact.Object(
            ("type", Str(type)), ("spec", spec?.ToJson() ?? "null"), ("last", last?.ToJson() ?? "null"), ("mask", mask?.ToJson() ?? "null"));
    }

    private string Action(string type)
    {
        var conf = type switch
        {
            "jump" => Compact.Object(("group", Param("group").ToString())),
            "queue" => Compact.Object(("index", Param("index").ToString())),
            "of_pop_vlan" => "null",
            "of_push_vlan" => Compact.Object(("ethertype", Str(FlowItemFields.NetworkOrder(Param("ethertype"))))),
            "of_set_vlan_vid" => Compact.Object(("vlan_vid", Str(FlowItemFields.NetworkOrder(Param("vlan_vid"))))),
            "of_set_vlan_pcp" => Compact.Object(("vlan_pcp", Str($"0x{Param("vlan_pcp"):x}"))),
            _ => throw new FormatException(),
        };
        return Compact.Object(("type", Str(type)), ("conf", conf));
    }

    private ulong Param(string keyword)
    {
        Expect(keyword);
        return Number();
    }

    private static ulong LeadingOnes(int count, int width) =>
        count <= 0 ? 0 : (((1UL << Math.Min(count, width)) - 1) << (width - Math.Min(count, width)));

    private long Decimal() =>
        CNumber.TryParseWhole(Take(), 10, out var value) && value >= 0 ? value : throw new FormatException();

    private ulong Number() =>
        CNumber.TryParseWhole(Take(), 0, out var value) && value >= 0 ? (ulong)value : throw new FormatException();

    private ulong Mac()
    {
        var groups = Take().Split(':');
        if (groups.Length != 6) throw new FormatException();
        ulong mac = 0;
        foreach (var group in groups)
        {
            if (group.Length is < 1 or > 2 || !CNumber.TryParseWhole(group, 16, out var b)) throw new FormatException();
            mac = (mac << 8) | (ulong)b;
        }
        return mac;
    }

    private void Expect(string word)
    {
        if (Take() != word) throw new FormatException();
    }

    private string? Peek() => _next < _tokens.Length ? _tokens[_next] : null;

    private string Take() => _next < _tokens.Length ? _tokens[_next++] : throw new FormatException();
}
