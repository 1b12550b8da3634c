using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Worker;

/// <summary>The status reply of vf (11.3) and mirror (11.4).</summary>
internal static class WorkerStatus
{
    /// <param name="extraComponents">Idle components added on the first worker lcore to make the reply longer.</param>
    /// <param name="classifierTable">The <c>classifier_table</c> array (vf), or null (mirror).</param>
    public static string Render(int clientId, EmulatorOptions options, ComponentSet set, int extraComponents, string? classifierTable)
    {
        var padding = options.WorkerLcores.Count == 0 ? [] : Enumerable.Range(0, extraComponents)
            .Select(i => new Component($"inflate{i}", options.WorkerLcores.Min(), set.FirstType));
        var components = set.Components.Concat(padding).ToList();
        var members = new List<(string, string)>
        {
            ("client-id", clientId.ToString()),
            ("phy", Spaced.Array(NicNames(options).Select(Str))),
            ("vhost", Spaced.Array(set.Vhosts.Select(v => Str(v.ToString())))),
            ("ring", Spaced.Array(set.Rings.Select(r => Str(r.ToString())))),
            ("master-lcore", options.MasterLcore.ToString()),
            ("core", Spaced.Array(options.WorkerLcores.Order().SelectMany(lcore => Cores(lcore, components)))),
        };
        if (classifierTable is not null) members.Add(("classifier_table", classifierTable));
        return WorkerReplies.Status(Spaced.Object([.. members]));
    }

    private static IEnumerable<string> NicNames(EmulatorOptions options) =>
        Enumerable.Range(0, options.PhyPortCount).SelectMany(nic => options.PhyQueueCount > 1
            ? Enumerable.Range(0, options.PhyQueueCount).Select(q => $"{nic} nq {q}")
            : [nic.ToString()]);

    private static IEnumerable<string> Cores(int lcore, List<Component> components)
    {
        var running = components.Where(c => c.Lcore == lcore).Select(c => c.ToJson()).ToList();
        return running.Count > 0 ? running : [Spaced.Object(("core", lcore.ToString()), ("type", Str("unuse")))];
    }
}
