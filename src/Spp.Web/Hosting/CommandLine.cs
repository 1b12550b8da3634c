using System.Text;

namespace Spp.Web.Hosting;

/// <summary>What the command line asks for: help, a settings file, and settings given by flags.</summary>
public sealed record CommandLineArguments(bool Help, string? ConfigFile, IReadOnlyDictionary<string, string> Settings)
{
    public static readonly CommandLineArguments None = new(false, null, new Dictionary<string, string>());
}

/// <summary>
/// Upstream spp-ctl's flags (<c>-b/--bind-addr</c>, <c>-p</c>, <c>-s</c>, <c>-a</c>) plus <c>--timeout</c>,
/// <c>--demo</c>, <c>--allow-anonymous</c> and <c>--config</c>. A bad flag or value is an error with the usage text (exit status 2). Flags
/// override every other source of settings (<see cref="SettingsLoader"/>).
/// </summary>
public static class CommandLine
{
    public static string Usage { get; } = BuildUsage();

    /// <summary>The options from the flags (and the <c>--config</c> file) over the defaults, or null when help was asked for.</summary>
    public static DaemonOptions? Parse(IReadOnlyList<string> args)
    {
        var command = Read(args);
        if (command.Help) return null;
        return SettingsLoader.Load(new SettingsSources(null, new Dictionary<string, string>(), command)).Options;
    }

    /// <summary>Reads the flags; each value is checked as its setting would check it.</summary>
    public static CommandLineArguments Read(IReadOnlyList<string> args)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? configFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, attached) = Split(args[i]);
            string Value() => attached ?? (i + 1 < args.Count ? args[++i] : throw new CommandLineException($"argument {flag}: expected one argument"));
            switch (flag)
            {
                case "-h" or "--help":
                    return new CommandLineArguments(true, null, settings);
                case "-b" or "--bind-addr":
                    settings["BindAddress"] = Checked("-b/--bind-addr", Value(), text => SettingsCatalog.Address(text).ToString());
                    break;
                case "-p" or "-s" or "-a":
                    var key = flag switch { "-p" => "PrimaryPort", "-s" => "SecondaryPort", _ => "ApiPort" };
                    settings[key] = Checked(flag, Value(), text => SettingsCatalog.Port(text).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "--timeout":
                    settings["CommandTimeoutSeconds"] = Checked(flag, Value(), text => { SettingsCatalog.Seconds(text, 3600); return text; });
                    break;
                case "--demo" when attached is null:
                    settings["Demo"] = "true";
                    break;
                case "--allow-anonymous" when attached is null:
                    settings["AllowAnonymous"] = "true";
                    break;
                case "--config":
                    var path = Value();
                    configFile = File.Exists(path) ? path : throw new CommandLineException($"argument --config: file not found: '{path}'");
                    break;
                default:
                    throw new CommandLineException($"unrecognized arguments: {args[i]}");
            }
        }
        return new CommandLineArguments(false, configFile, settings);
    }

    private static string Checked(string flag, string text, Func<string, string> check)
    {
        try
        {
            return check(text);
        }
        catch (SettingValueException e)
        {
            throw new CommandLineException($"argument {flag}: invalid value: '{text}' ({e.Message})");
        }
    }

    private static (string Flag, string? Attached) Split(string arg)
    {
        if (arg.StartsWith("--"))
        {
            var eq = arg.IndexOf('=');
            return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
        }
        return arg.Length > 2 && arg[0] == '-' ? (arg[..2], arg[2..]) : (arg, null);
    }

    private static string BuildUsage()
    {
        var text = new StringBuilder("""
            usage: spp-ctl [-h] [-b BIND_ADDR] [-p PRI_PORT] [-s SEC_PORT] [-a API_PORT] [--timeout SECONDS] [--demo]
                           [--allow-anonymous] [--config FILE]

            SPP Controller

            options:
              -h, --help            show this help message and exit
              -b, --bind-addr BIND_ADDR
                                    bind address, default=localhost
              -p PRI_PORT           primary port, default=5555
              -s SEC_PORT           secondary port, default=6666
              -a API_PORT           web api port, default=7777
              --timeout SECONDS     how long to wait for a process's reply to one command, default=10
              --demo                also start an emulated spp_primary and one emulated secondary of each type
              --allow-anonymous     serve the API on a non-loopback address without access tokens
              --config FILE         read settings from FILE (JSON, as appsettings.json), default=none

            settings: key in appsettings.json (sections joined by ':'), default, meaning
            (environment variable: SPPCTL_ and the key with '__' for ':', e.g. SPPCTL_ApiPort, SPPCTL_Logging__Format)

            """);
        foreach (var setting in SettingsCatalog.All)
        {
            var flag = setting.Flag is null ? "" : $" ({setting.Flag})";
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
}

public sealed class CommandLineException(string message) : Exception(message);
