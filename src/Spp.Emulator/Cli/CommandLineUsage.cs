using System.CommandLine;
using System.Text;

namespace Spp.Emulator.Cli;

/// <summary>The help text, written from the command line's own argument and options, group by group.</summary>
internal static class CommandLineUsage
{
    private const int DescriptionColumn = 25;

    public static string Write(IEnumerable<Symbol> modes, IEnumerable<Option> processOptions, IEnumerable<Option> faultOptions, Option help)
    {
        var text = new StringBuilder("""
            Usage: spp-emulator KIND [options]
                   spp-emulator --demo [options]
                   spp-emulator --fleet N [options]

            Emulates SPP processes as TCP clients of an SPP controller, byte for byte on the wire.
            Runs until Ctrl-C or SIGTERM, or until every process has terminated (exit command).


            """);
        foreach (var mode in modes) Line(text, mode);
        text.Append("\nProcess options:\n");
        foreach (var option in processOptions) Line(text, option);
        text.Append("\nFault options (every process; default: none):\n");
        foreach (var option in faultOptions) Line(text, option);
        text.Append('\n');
        Line(text, help);
        return text.Append('\n').ToString();
    }

    private static void Line(StringBuilder text, Symbol symbol)
    {
        var invocation = symbol is Option { HelpName: { } value } option ? $"{option.Name} {value}" : symbol.Name;
        var column = $"  {invocation}";
        text.Append(column.Length < DescriptionColumn ? column.PadRight(DescriptionColumn) : column + ' ').Append(symbol.Description).Append('\n');
    }
}
