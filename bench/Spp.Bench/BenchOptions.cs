namespace Spp.Bench;

/// <summary>The bench's command line.</summary>
/// <param name="Baseline">Another build of the daemon to compare with: its dll, output folder, project folder or checkout.</param>
/// <param name="BaselineCommit">A commit of this repository whose daemon is built and compared with.</param>
public sealed record BenchOptions(bool Quick, int? Scenario, bool Micro, bool WriteDocs, IReadOnlyList<string> MicroArguments,
    string? Baseline = null, string? BaselineCommit = null)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Spp.Bench -- [--quick] [--scenario N] [--write-docs]
                                                               [--baseline PATH | --baseline-commit REV]
                                                               [--micro [BenchmarkDotNet options]]

        Starts the Release-built daemon (src/Spp.Web) as its own process, connects emulated processes to it, loads
        its REST API from this process, and prints one markdown table: each figure the median of 3 runs.

        options:
          --quick                one short run per figure (under a minute in all; about two with a baseline)
          --scenario N           only scenario N: 1 added latency, 2 GET /v1/processes, 3 pass-through, 4 bad input,
                                 5 resources, 6 64 processes connecting at once, 7 pass-through against the
                                 direct limit, 8 through another host of a cluster (this build only)
          --baseline PATH        also measure another build of the daemon, interleaved with this one (this build,
                                 baseline, this build, ...), and print both figures and their ratio; PATH is its
                                 Spp.Web.dll or spp-ctl.dll, the folder it was built into, its project folder or a
                                 checkout (whose src/Spp.Web/bin/Release/* is used)
          --baseline-commit REV  the same, with the daemon of commit REV of this repository (a hash, tag or branch),
                                 built in Release into the temporary folder spp-bench-baselines/ on first use
          --write-docs           also write the table into docs/performance.md (with a baseline: into the
                                 comparison section)
          --micro                run the BenchmarkDotNet micro-benchmarks of the protocol layer instead (with
                                 --quick: a short job); what follows goes to BenchmarkDotNet, e.g. --filter *Framing*
          -h, --help             show this help
        """;

    public bool HasBaseline => Baseline is not null || BaselineCommit is not null;

    /// <summary>The options, or null when help was asked for; throws <see cref="ArgumentException"/> on a bad one.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(false, null, false, false, []);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return null;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--micro" when options.HasBaseline:
                    throw new ArgumentException("--micro measures no daemon: it takes no baseline");
                case "--micro":
                    var rest = args.Skip(i + 1).ToList();
                    return options with
                    {
                        Micro = true,
                        Quick = options.Quick || rest.Contains("--quick"),
                        MicroArguments = rest.Where(a => a != "--quick").ToArray(),
                    };
                case "--write-docs":
                    options = options with { WriteDocs = true };
                    break;
                case "--scenario" when i + 1 < args.Count && int.TryParse(args[i + 1], out var n)
                                                && Scenarios.Scenario.All.Any(s => s.Number == n):
                    options = options with { Scenario = n };
                    i++;
                    break;
                case "--baseline" or "--baseline-commit" when options.HasBaseline:
                    throw new ArgumentException("one baseline only: --baseline or --baseline-commit, once");
                case "--baseline" when i + 1 < args.Count && args[i + 1].Length > 0 && !args[i + 1].StartsWith('-'):
                    options = options with { Baseline = args[++i] };
                    break;
                case "--baseline-commit" when i + 1 < args.Count && args[i + 1].Length > 0 && !args[i + 1].StartsWith('-'):
                    options = options with { BaselineCommit = args[++i] };
                    break;
                case "--baseline" or "--baseline-commit":
                    throw new ArgumentException($"{args[i]} needs a value");
                default:
                    throw new ArgumentException($"bad argument: {args[i]}");
            }
        }
        return options;
    }
}
