using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Spp.Emulator.Cli;

/// <summary>The emulator's command line, parsed by System.CommandLine; help is written from the same options.</summary>
internal static class CommandLine
{
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private static readonly Argument<EmulatedKind?> Kind = new("KIND")
    {
        Description = "primary | nfv | vf | mirror | pcap",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (text is "primary" or "nfv" or "vf" or "mirror" or "pcap") return Enum.Parse<EmulatedKind>(text, ignoreCase: true);
            result.AddError($"unknown argument '{text}'");
            return null;
        },
    };

    private static readonly Option<bool> Demo = Switch("--demo", "primary, nfv 1, vf 2, mirror 3, pcap 4");
    private static readonly Option<int> Fleet = Number("--fleet", "N", 0, "primary and N secondaries, ids 1..N, types cycling nfv, vf, mirror, pcap");

    private static readonly Option<int> Id = Defaulted(Number("--id", "N", 0, "client id of the secondary (default 1)"), 1);
    private static readonly Option<string> Controller = Defaulted(Text("--ctl", "IP", "controller address (default 127.0.0.1)"), "127.0.0.1");
    private static readonly Option<int> PrimaryPort = Defaulted(Number("--pri-port", "PORT", 1, "controller primary port (default 5555)", 65535), 5555);
    private static readonly Option<int> SecondaryPort = Defaulted(Number("--sec-port", "PORT", 1, "controller secondary port (default 6666)", 65535), 6666);

    /// <summary>Options of every emulated process, each with how it changes <see cref="EmulatorOptions"/>.</summary>
    private static readonly IReadOnlyList<(Option Option, Func<ParseResult, EmulatorOptions, EmulatorOptions> Apply)> ProcessOptions =
    [
        Given(Number("--retry-ms", "MS", 0, "connect retry interval (default 1000)"), (o, v) => o with { RetryInterval = TimeSpan.FromMilliseconds(v) }),
        Given(Number("--master-lcore", "N", 0, "master lcore of secondaries (default 1; the primary uses 0)"), (o, v) => o with { MasterLcore = v }),
        Given(Numbers("--worker-lcores", "LIST", "worker lcores of secondaries, comma separated (default 2,3,4,5)"), (o, v) => o with { WorkerLcores = v }),
        Given(Number("--phy-ports", "N", 0, "NICs (default 2)"), (o, v) => o with { PhyPortCount = v }),
        Given(Number("--queues", "N", 1, "queues per NIC (default 1)"), (o, v) => o with { PhyQueueCount = v }),
        Given(Number("--rings", "N", 0, "shared rings (default 4)"), (o, v) => o with { RingCount = v }),
        Given(Number("--exit-delay-ms", "MS", 0, "vf/mirror/pcap close this long after exit (default 1000)"), (o, v) => o with { WorkerExitDelay = TimeSpan.FromMilliseconds(v) }),
        Given(Switch("--launch", "primary 'launch' starts an emulated secondary (default off)"), (o, _) => o with { LaunchSecondaries = true }),
        Given(Switch("--quiet", "no log lines (default: log connects, commands, reply sizes to stderr)"), (o, _) => o with { Log = null }),
    ];

    /// <summary>Faults every emulated process starts with.</summary>
    private static readonly IReadOnlyList<(Option Option, Func<ParseResult, Action<FaultSettings>?> Setter)> FaultOptions =
    [
        Fault(Number("--reply-delay-ms", "MS", 0, "wait before each reply"), (f, v) => f.ReplyDelay = TimeSpan.FromMilliseconds(v)),
        Fault(Number("--split-bytes", "N", 1, "write each reply in segments of N bytes"), (f, v) => f.SplitSegmentBytes = v),
        Fault(Number("--split-pause-ms", "MS", 0, "pause between segments"), (f, v) => f.SplitPause = TimeSpan.FromMilliseconds(v)),
        Fault(Number("--hang-after", "N", 0, "answer N more commands, then read and ignore every command"), (f, v) => f.HangAfterCommands = v),
        Fault(Number("--close-after", "N", 1, "answer N more commands, then close and reconnect after the retry interval"), (f, v) => f.CloseAfterCommands = v),
        Fault(Garbage(), (f, v) => f.Garbage = v),
        Fault(Switch("--silent-handshake", "never answer _get_client_id"), (f, _) => f.SilentHandshake = true),
        Fault(Number("--claim-id", "N", int.MinValue, "answer _get_client_id with client id N"), (f, v) => f.ClaimedClientId = v),
        Fault(Text("--claim-type", "T", "answer _get_client_id with process type T"), (f, v) => f.ClaimedProcessType = v),
        Fault(Number("--inflate-status", "BYTES", 0, "pad status replies to at least BYTES bytes"), (f, v) => f.InflateStatusBytes = v),
        Fault(Text("--exact-reply", "TEXT", "reply TEXT to every command except _get_client_id"), (f, v) => f.ExactReply = v),
    ];

    private static readonly HelpOption Help = new("--help", "-h") { Description = "print this help and exit" };

    private static readonly Command Command = Build();

    public static string Usage { get; } = CommandLineUsage.Write(
        [Kind, Demo, Fleet], [Id, Controller, PrimaryPort, SecondaryPort, .. ProcessOptions.Select(p => p.Option)],
        [.. FaultOptions.Select(f => f.Option)], Help);

    public static EmulatorArguments Parse(string[] args)
    {
        var result = CommandLineParser.Parse(Command, args, Parsing);
        if (result.Action is HelpAction) return new EmulatorArguments(true, null, 1, false, null, "127.0.0.1", 5555, 6666, new EmulatorOptions());
        if (result.Errors.Count > 0) throw new UsageException(ErrorOf(result));
        var options = ProcessOptions.Aggregate(new EmulatorOptions { Log = Log }, (options, p) => p.Apply(result, options));

        var kind = result.GetValue(Kind);
        var demo = result.GetValue(Demo);
        int? fleet = result.GetResult(Fleet) is { Implicit: false } ? result.GetValue(Fleet) : null;
        if ((kind is null ? 0 : 1) + (demo ? 1 : 0) + (fleet is null ? 0 : 1) != 1)
            throw new UsageException("give exactly one of KIND, --demo, --fleet N");
        var faults = FaultOptions.Select(f => f.Setter(result)).OfType<Action<FaultSettings>>().ToList();
        return new EmulatorArguments(false, kind, result.GetValue(Id), demo, fleet, result.GetValue(Controller)!,
            result.GetValue(PrimaryPort), result.GetValue(SecondaryPort), options with { InitialFaults = f => faults.ForEach(set => set(f)) });
    }

    private static Command Build()
    {
        var command = new Command("spp-emulator") { Kind, Demo, Fleet, Id, Controller, PrimaryPort, SecondaryPort, Help };
        foreach (var option in ProcessOptions.Select(p => p.Option).Concat(FaultOptions.Select(f => f.Option))) command.Options.Add(option);
        return command;
    }

    private static string ErrorOf(ParseResult result)
    {
        var error = result.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { Tokens.Count: 0 } option => $"{option.Option.Name} needs a value",
            OptionResult or ArgumentResult => error.Message,
            _ when result.UnmatchedTokens.Count > 0 => $"unknown argument '{result.UnmatchedTokens[0]}'",
            _ => error.Message,
        };
    }

    private static (Option, Func<ParseResult, EmulatorOptions, EmulatorOptions>) Given<T>(Option<T> option, Func<EmulatorOptions, T, EmulatorOptions> apply) =>
        (option, (result, options) => result.GetResult(option) is { Implicit: false } ? apply(options, result.GetValue(option)!) : options);

    /// <summary>A fault option: when given, what it sets in each process's <see cref="FaultSettings"/>.</summary>
    private static (Option, Func<ParseResult, Action<FaultSettings>?>) Fault<T>(Option<T> option, Action<FaultSettings, T> set) =>
        (option, result => result.GetResult(option) is { Implicit: false } ? faults => set(faults, result.GetValue(option)!) : null);

    private static Option<T> Defaulted<T>(Option<T> option, T value)
    {
        option.DefaultValueFactory = _ => value;
        return option;
    }

    private static Option<bool> Switch(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option with one value; given again, the last value counts. Each value is checked.</summary>
    private static Option<T> Valued<T>(string name, string valueName, string description, Func<string, (T? Value, string? Problem)> read)
    {
        var option = new Option<T>(name) { HelpName = valueName, Description = description, Arity = ArgumentArity.OneOrMore };
        option.CustomParser = result =>
        {
            foreach (var token in result.Tokens)
                if (read(token.Value).Problem is { } problem)
                {
                    result.AddError($"{name} {problem}, not '{token.Value}'");
                    return default!;
                }
            return read(result.Tokens[^1].Value).Value!;
        };
        return option;
    }

    private static Option<int> Number(string name, string valueName, int min, string description, int max = int.MaxValue) =>
        Valued(name, valueName, description, text =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? (value, null)
                : (0, $"needs a number from {min} to {max}"));

    private static Option<string> Text(string name, string valueName, string description) =>
        Valued<string>(name, valueName, description, text => (text, null));

    private static Option<IReadOnlyList<int>> Numbers(string name, string valueName, string description) =>
        Valued<IReadOnlyList<int>>(name, valueName, description, text =>
        {
            var parts = text.Split(',');
            return parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? ([.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))], null)
                : (null, "needs comma separated numbers");
        });

    private static Option<GarbageKind> Garbage() =>
        Valued<GarbageKind>("--garbage", "text|binary", "reply garbage instead of the real reply", text => text switch
        {
            "text" => (GarbageKind.Text, null),
            "binary" => (GarbageKind.Binary, null),
            _ => (default, "takes text or binary"),
        });

    private static void Log(string line) =>
        Console.Error.WriteLine($"{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}");
}
