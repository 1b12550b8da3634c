using Spp.Emulator.Wire;

namespace Spp.Emulator.Worker;

/// <summary>A validated <c>classifier_table add|del</c> request.</summary>
internal sealed record ClassifierRequest(bool Adding, ClassifierEntry Entry);

/// <summary>Parameter checks of <c>classifier_table</c>, in the order vf and mirror apply them.</summary>
internal static class ClassifierCommand
{
    public static ClassifierRequest Parse(Request request, ComponentSet components, ClassifierTable table)
    {
        var t = request.Tokens;
        var adding = t[1] switch { "add" => true, "del" => false, _ => throw CommandError.InvalidValue("action") };
        var tagged = t[2] switch { "mac" => false, "vlan" => true, _ => throw CommandError.InvalidValue("type") };
        // The parameter layout follows the token count alone: 5 tokens read as the mac form, 6 as the vlan form.
        var vlanLayout = t.Length == 6;
        var vlanId = vlanLayout ? Parameter.Number(t[3], 0, 4095, "vlan id") : 0;
        if (!MacAddress.TryParse(t[vlanLayout ? 4 : 3], out var mac)) throw CommandError.InvalidValue("mac address");
        var port = components.ParsePort(t[vlanLayout ? 5 : 4]);
        if (!components.IsKnown(port)) throw CommandError.InvalidValue("port");
        var entry = new ClassifierEntry(port, tagged ? vlanId : ClassifierEntry.Untagged, mac);
        var existing = table.EntryOf(port);
        if (adding ? existing is not null : existing != entry) throw CommandError.InvalidValue("port");
        return new ClassifierRequest(adding, entry);
    }
}
