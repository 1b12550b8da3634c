using System.Globalization;

namespace Spp.Soak;

/// <summary>How long and how hard to soak the daemon.</summary>
public sealed record SoakOptions
{
    public double Minutes { get; init; } = 10;
    public int Processes { get; init; } = 32;
    public int Operators { get; init; } = 16;
    public int IntervalSeconds { get; init; } = 10;
    public int TimeoutSeconds { get; init; } = 2;

    public const string Usage = """
        usage: spp-soak [--minutes N] [--processes N] [--operators N] [--interval SECONDS] [--timeout SECONDS]

        Runs the daemon as its own process, a primary and N emulated secondaries of mixed types, and operators that
        send mixed requests to them, while faults come and go (slow replies, hangs, dropped connections, garbage,
        split replies). Prints requests, errors by kind, p50/p99 latency and the daemon's memory at each interval.

          --minutes N      how long to run (10)
          --processes N    emulated secondaries (32)
          --operators N    concurrent REST clients (16)
          --interval S     seconds between report lines (10)
          --timeout S      the daemon's --timeout (2)
        """;

    public static SoakOptions? Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive number");
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = Number() },
                "--processes" => options with { Processes = (int)Number() },
                "--operators" => options with { Operators = (int)Number() },
                "--interval" => options with { IntervalSeconds = (int)Number() },
                "--timeout" => options with { TimeoutSeconds = (int)Number() },
                "-h" or "--help" => null,
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
            if (options is null) return null;
        }
        return options;
    }
}
