using Spp.Emulator.Wire;
using static Spp.Emulator.Wire.JsonStyle;

namespace Spp.Emulator.Padded;

/// <summary>The compact JSON replies of primary and nfv.</summary>
internal static class PaddedReplies
{
    public static string Result(bool succeeded, string command) =>
        Compact.Object(("result", Str(Outcome(succeeded))), ("command", Str(command)));

    public static string Port(bool succeeded, string command, string port) =>
        Compact.Object(("result", Str(Outcome(succeeded))), ("command", Str(command)), ("port", Str(port)));

    public static string Patch(bool succeeded, string source, string destination) =>
        Compact.Object(
            ("result", Str(Outcome(succeeded))),
            ("command", Str("patch")),
            ("ports", Compact.Object(("src", Str(source)), ("dst", Str(destination)))));

    public static string Patches(PortTable table, Func<Ethdev, int, string> name) =>
        Compact.Array(table.Patches.Select(p => Compact.Object(
            ("src", Str(name(p.Source, p.SourceQueue))),
            ("dst", Str(name(p.Destination, p.DestinationQueue))))));

    public static string Numbers(IEnumerable<int> numbers) => Compact.Array(numbers.Select(n => n.ToString()));

    private static string Outcome(bool succeeded) => succeeded ? "succeeded" : "failed";
}
