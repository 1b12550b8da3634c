using System.CommandLine;
using System.Text;

namespace Spp.Web.Hosting;

/// <summary>
/// The help text, written from the command's options and the settings catalog, in the layout of upstream's
/// argparse help (<c>usage: spp-ctl [-h] [-b BIND_ADDR] ...</c>), which operators and their scripts know.
/// </summary>
internal static class CommandLineUsage
{
    private const int Width = 110;
    private const int DescriptionColumn = 24;

    public static string Write(Command command)
    {
        var text = new StringBuilder();
        WriteUsageLine(text, command);
        text.Append('\n').Append(command.Description).Append("\n\noptions:\n");
        foreach (var option in command.Options)
        {
            var invocation = "  " + Names(option.Name, option.Aliases, ", ") + (option.HelpName is { } value ? $" {value}" : "");
            text.Append(invocation.Length < DescriptionColumn - 1
                ? invocation.PadRight(DescriptionColumn)
                : invocation + "\n" + new string(' ', DescriptionColumn));
            text.Append(option.Description).Append('\n');
        }
        text.Append("""

            settings: key in appsettings.json (sections joined by ':'), default, meaning
            (environment variable: SPPCTL_ and the key with '__' for ':', e.g. SPPCTL_ApiPort, SPPCTL_Logging__Format)

            """);
        foreach (var setting in SettingsCatalog.All)
        {
            var flag = setting.Flag is null ? "" : $" ({setting.Flag.Name})";
            var shown = setting.Default.Length == 0 ? "\"\"" : setting.Default;
            text.Append("  ").Append(setting.Key.PadRight(36)).Append(shown.PadRight(12)).Append(setting.Description).Append(flag).Append('\n');
        }
        text.Append("""

            Later sources override earlier ones: defaults, appsettings.json beside the program, --config FILE,
            SPPCTL_* environment variables, flags.
            Exit status: 0 stopped, 1 cannot listen, 2 bad flag, 78 bad configuration.
            """);
        return text.ToString();
    }

    /// <summary>All names of an option, shortest first: <c>-b, --bind-addr</c> in help, <c>-b/--bind-addr</c> in errors.</summary>
    public static string Names(string name, IEnumerable<string> aliases, string separator) =>
        string.Join(separator, aliases.Prepend(name).OrderBy(n => n.Length));

    private static void WriteUsageLine(StringBuilder text, Command command)
    {
        var prefix = $"usage: {command.Name} ";
        var line = new StringBuilder(prefix);
        foreach (var option in command.Options)
        {
            var item = $"[{option.Aliases.Prepend(option.Name).MinBy(n => n.Length)}{(option.HelpName is { } value ? $" {value}" : "")}]";
            if (line.Length + item.Length > Width)
            {
                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(' ', prefix.Length);
            }
            line.Append(item).Append(' ');
        }
        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
