using System.Globalization;

namespace Spp.Emulator.Cli;

/// <summary>Parses the emulator's command line.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: spp-emulator KIND [options]
               spp-emulator --demo [options]
               spp-emulator --fleet N [options]

        Emulates SPP processes as TCP clients of an SPP controller, byte for byte on the wire.
        Runs until Ctrl-C or SIGTERM, or until every process has terminated (exit command).

          KIND                   primary | nfv | vf | mirror | pcap
          --demo                 primary, nfv 1, vf 2, mirror 3, pcap 4
          --fleet N              primary and N secondaries, ids 1..N, types cycling nfv, vf, mirror, pcap

        Process options:
          --id N                 client id of the secondary (default 1)
          --ctl IP               controller address (default 127.0.0.1)
          --pri-port PORT        controller primary port (default 5555)
          --sec-port PORT        controller secondary port (default 6666)
          --retry-ms MS          connect retry interval (default 1000)
          --master-lcore N       master lcore of secondaries (default 1; the primary uses 0)
          --worker-lcores LIST   worker lcores of secondaries, comma separated (default 2,3,4,5)
          --phy-ports N          NICs (default 2)
          --queues N             queues per NIC (default 1)
          --rings N              shared rings (default 4)
          --exit-delay-ms MS     vf/mirror/pcap close this long after exit (default 1000)
          --launch               primary 'launch' starts an emulated secondary (default off)
          --quiet                no log lines (default: log connects, commands, reply sizes to stderr)

        Fault options (every process; default: none):
          --reply-delay-ms MS    wait before each reply
          --split-bytes N        write each reply in segments of N bytes
          --split-pause-ms MS    pause between segments
          --hang-after N         answer N more commands, then read and ignore every command
          --close-after N        answer N more commands, then close and reconnect after the retry interval
          --garbage text|binary  reply garbage instead of the real reply
          --silent-handshake     never answer _get_client_id
          --claim-id N           answer _get_client_id with client id N
          --claim-type T         answer _get_client_id with process type T
          --inflate-status BYTES pad status replies to at least BYTES bytes
          --exact-reply TEXT     reply TEXT to every command except _get_client_id

          --help                 print this help and exit

        """;

    public static EmulatorArguments Parse(string[] args)
    {
        var reader = new ArgumentReader(args);
        var arguments = new EmulatorArguments(false, null, 1, false, null, "127.0.0.1", 5555, 6666, new EmulatorOptions { Log = Log });
        var faults = new List<Action<FaultSettings>>();
        while (reader.Next() is { } arg)
        {
            var options = arguments.Options;
            arguments = arg switch
            {
                "--help" or "-h" => arguments with { ShowHelp = true },
                "primary" or "nfv" or "vf" or "mirror" or "pcap" when arguments.Kind is null =>
                    arguments with { Kind = Enum.Parse<EmulatedKind>(arg, ignoreCase: true) },
                "--demo" => arguments with { Demo = true },
                "--fleet" => arguments with { FleetSize = reader.Number(arg, 0) },
                "--id" => arguments with { ClientId = reader.Number(arg, 0) },
                "--ctl" => arguments with { Controller = reader.Value(arg) },
                "--pri-port" => arguments with { PrimaryPort = reader.Number(arg, 1, 65535) },
                "--sec-port" => arguments with { SecondaryPort = reader.Number(arg, 1, 65535) },
                "--retry-ms" => arguments with { Options = options with { RetryInterval = reader.Milliseconds(arg) } },
                "--master-lcore" => arguments with { Options = options with { MasterLcore = reader.Number(arg, 0) } },
                "--worker-lcores" => arguments with { Options = options with { WorkerLcores = reader.Numbers(arg) } },
                "--phy-ports" => arguments with { Options = options with { PhyPortCount = reader.Number(arg, 0) } },
                "--queues" => arguments with { Options = options with { PhyQueueCount = reader.Number(arg, 1) } },
                "--rings" => arguments with { Options = options with { RingCount = reader.Number(arg, 0) } },
                "--exit-delay-ms" => arguments with { Options = options with { WorkerExitDelay = reader.Milliseconds(arg) } },
                "--launch" => arguments with { Options = options with { LaunchSecondaries = true } },
                "--quiet" => arguments with { Options = options with { Log = null } },
                _ => Fault(arg, reader, faults) ? arguments : throw new UsageException($"unknown argument '{arg}'"),
            };
        }
        if (arguments.ShowHelp) return arguments;
        var modes = (arguments.Kind is null ? 0 : 1) + (arguments.Demo ? 1 : 0) + (arguments.FleetSize is null ? 0 : 1);
        if (modes != 1) throw new UsageException("give exactly one of KIND, --demo, --fleet N");
        return arguments with { Options = arguments.Options with { InitialFaults = f => faults.ForEach(apply => apply(f)) } };
    }

    private static bool Fault(string arg, ArgumentReader reader, List<Action<FaultSettings>> faults)
    {
        var fault = arg switch
        {
            "--reply-delay-ms" => Set(reader.Milliseconds(arg), (f, v) => f.ReplyDelay = v),
            "--split-bytes" => Set(reader.Number(arg, 1), (f, v) => f.SplitSegmentBytes = v),
            "--split-pause-ms" => Set(reader.Milliseconds(arg), (f, v) => f.SplitPause = v),
            "--hang-after" => Set(reader.Number(arg, 0), (f, v) => f.HangAfterCommands = v),
            "--close-after" => Set(reader.Number(arg, 1), (f, v) => f.CloseAfterCommands = v),
            "--garbage" => Set(Garbage(reader.Value(arg)), (f, v) => f.Garbage = v),
            "--silent-handshake" => Set(true, (f, v) => f.SilentHandshake = v),
            "--claim-id" => Set(reader.Number(arg, int.MinValue), (f, v) => f.ClaimedClientId = v),
            "--claim-type" => Set(reader.Value(arg), (f, v) => f.ClaimedProcessType = v),
            "--inflate-status" => Set(reader.Number(arg, 0), (f, v) => f.InflateStatusBytes = v),
            "--exact-reply" => Set(reader.Value(arg), (f, v) => f.ExactReply = v),
            _ => null,
        };
        if (fault is not null) faults.Add(fault);
        return fault is not null;
    }

    private static Action<FaultSettings> Set<T>(T value, Action<FaultSettings, T> set) => f => set(f, value);

    private static GarbageKind Garbage(string kind) => kind switch
    {
        "text" => GarbageKind.Text,
        "binary" => GarbageKind.Binary,
        _ => throw new UsageException($"--garbage takes text or binary, not '{kind}'"),
    };

    private static void Log(string line) =>
        Console.Error.WriteLine($"{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}");

    /// <summary>Walks the arguments, taking option values as they are needed.</summary>
    private sealed class ArgumentReader(string[] args)
    {
        private int _next;

        public string? Next() => _next < args.Length ? args[_next++] : null;

        public string Value(string option) => Next() ?? throw new UsageException($"{option} needs a value");

        public int Number(string option, int min, int max = int.MaxValue)
        {
            var text = Value(option);
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new UsageException($"{option} needs a number from {min} to {max}, not '{text}'");
        }

        public TimeSpan Milliseconds(string option) => TimeSpan.FromMilliseconds(Number(option, 0));

        public IReadOnlyList<int> Numbers(string option)
        {
            var text = Value(option);
            var parts = text.Split(',');
            return parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? [.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
                : throw new UsageException($"{option} needs comma separated numbers, not '{text}'");
        }
    }
}
