using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Spp.Web.Hosting;

/// <summary>What the command line asks for: help, a settings file, and settings given by flags.</summary>
public sealed record CommandLineArguments(bool Help, string? ConfigFile, IReadOnlyDictionary<string, string> Settings)
{
    public static readonly CommandLineArguments None = new(false, null, new Dictionary<string, string>());
}

/// <summary>
/// Upstream spp-ctl's flags (<c>-b/--bind-addr</c>, <c>-p</c>, <c>-s</c>, <c>-a</c>) and ours, parsed by
/// System.CommandLine. Every flag but <c>-h</c> and <c>--config</c> is the <see cref="SettingFlag"/> of a setting in
/// <see cref="SettingsCatalog"/>, checked as that setting checks its value; help is written from the same options.
/// A bad flag or value is a <see cref="CommandLineException"/> worded as upstream's argparse words it (exit status 2).
/// Flags override every other source of settings (<see cref="SettingsLoader"/>).
/// </summary>
public static class CommandLine
{
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private static readonly HelpOption HelpFlag = new("--help", "-h") { Description = "show this help message and exit" };

    private static readonly Option<string> ConfigFlag = ValueOption("--config", "FILE",
        "read settings from FILE (JSON, as appsettings.json), default=none", [], list: false,
        path => File.Exists(path) ? null : $"argument --config: file not found: '{path}'");

    private static readonly IReadOnlyList<(Setting Setting, Option Option)> SettingFlags =
        [.. SettingsCatalog.All.Where(s => s.Flag is not null).Select(s => (s, FlagOf(s, s.Flag!)))];

    private static readonly Command Command = Build();

    public static string Usage { get; } = CommandLineUsage.Write(Command);

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
        var result = CommandLineParser.Parse(Command, args, Parsing);
        if (result.Action is HelpAction) return CommandLineArguments.None with { Help = true };
        if (ErrorOf(result, args) is { } error) throw new CommandLineException(error);

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (setting, option) in SettingFlags)
            if (result.GetResult(option) is { Implicit: false })
                settings[setting.Key] = option is Option<string> valued ? result.GetValue(valued)! : "true";
        return new CommandLineArguments(false, result.GetValue(ConfigFlag), settings);
    }

    private static Command Build()
    {
        var command = new Command("spp-ctl", "SPP Controller") { HelpFlag };
        foreach (var (_, option) in SettingFlags) command.Options.Add(option);
        command.Options.Add(ConfigFlag);
        return command;
    }

    private static Option FlagOf(Setting setting, SettingFlag flag)
    {
        string[] aliases = flag.Alias is null ? [] : [flag.Alias];
        if (flag.ValueName is null) return new Option<bool>(flag.Name, aliases) { Description = setting.Description, Arity = ArgumentArity.Zero };
        var description = $"{setting.Description}{(setting.List ? ", repeatable" : "")}, default={setting.Default}";
        return ValueOption(flag.Name, flag.ValueName, description, aliases, setting.List, text =>
        {
            try
            {
                setting.Apply(new DaemonOptions(), text);
                return null;
            }
            catch (SettingValueException e)
            {
                return $"argument {CommandLineUsage.Names(flag.Name, aliases, "/")}: invalid value: '{text}' ({e.Message})";
            }
        });
    }

    /// <summary>
    /// An option with one value; given again, the last value counts (as with argparse), or, for a <paramref name="list"/>,
    /// the values are joined by <c>,</c>. Each is checked.
    /// </summary>
    private static Option<string> ValueOption(string name, string valueName, string description, string[] aliases, bool list,
        Func<string, string?> problem) =>
        new(name, aliases)
        {
            HelpName = valueName,
            Description = description,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result =>
            {
                foreach (var token in result.Tokens)
                    if (problem(token.Value) is { } error)
                    {
                        result.AddError(error);
                        break;
                    }
                return list ? string.Join(',', result.Tokens.Select(t => t.Value)) : result.Tokens[^1].Value;
            },
        };

    /// <summary>The first problem, in argparse's words: a flag's value first, then what nothing matched.</summary>
    private static string? ErrorOf(ParseResult result, IReadOnlyList<string> args)
    {
        foreach (var error in result.Errors)
            if (error.SymbolResult is OptionResult option)
                return option.Tokens.Count == 0
                    ? $"argument {CommandLineUsage.Names(option.Option.Name, option.Option.Aliases, "/")}: expected one argument"
                    : error.Message;
        var unrecognized = result.Tokens.Where(t => t.Type == TokenType.Directive).Select(t => t.Value)
            .Concat(result.UnmatchedTokens.Select(token => AsGiven(args, token)))
            .ToList();
        if (unrecognized.Count > 0) return $"unrecognized arguments: {string.Join(' ', unrecognized)}";
        return result.Errors.Count > 0 ? result.Errors[0].Message : null;
    }

    /// <summary>The parser splits <c>--demo=1</c> into the switch and a stray <c>1</c>; the message names what was typed.</summary>
    private static string AsGiven(IReadOnlyList<string> args, string token) =>
        args.Contains(token) ? token : args.FirstOrDefault(a => a.EndsWith($"={token}") || a.EndsWith($":{token}")) ?? token;
}

public sealed class CommandLineException(string message) : Exception(message);
