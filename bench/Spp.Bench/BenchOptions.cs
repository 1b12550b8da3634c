namespace Spp.Bench;

/// <summary>The bench's command line.</summary>
public sealed record BenchOptions(bool Quick, int? Scenario, bool Micro, bool WriteDocs, IReadOnlyList<string> MicroArguments)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Spp.Bench -- [--quick] [--scenario N] [--write-docs]
                                                               [--micro [BenchmarkDotNet options]]

        Starts the Release-built daemon (src/Spp.Web) as its own process, connects emulated processes to it, loads
        its REST API from this process, and prints one markdown table: each figure the median of 3 runs.

        options:
          --quick         one short run per figure (under a minute in all)
          --scenario N    only scenario N: 1 added latency, 2 GET /v1/processes, 3 pass-through, 4 bad input,
                          5 resources
          --write-docs    also write the table into docs/performance.md
          --micro         run the BenchmarkDotNet micro-benchmarks of the protocol layer instead (with
                          --quick: a short job); what follows goes to BenchmarkDotNet, e.g. --filter *Framing*
          -h, --help      show this help
        """;

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
                case "--scenario" when i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n is >= 1 and <= 5:
                    options = options with { Scenario = n };
                    i++;
                    break;
                default:
                    throw new ArgumentException($"bad argument: {args[i]}");
            }
        }
        return options;
    }
}
