using BenchmarkDotNet.Running;

namespace Spp.Bench.Micro;

/// <summary>The BenchmarkDotNet suite of the protocol layer, run in this process (no generated projects).</summary>
public static class MicroSuite
{
    /// <param name="arguments">BenchmarkDotNet's own options, e.g. <c>--filter *Framing*</c>; all benchmarks if no filter.</param>
    public static int Run(bool quick, IReadOnlyList<string> arguments)
    {
        var all = arguments.Contains("--filter") ? arguments : [.. arguments, "--filter", "*"];
        string[] options = [.. all, "--inProcess", .. quick ? new[] { "--job", "short" } : []];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroSuite).Assembly).Run(options).ToList();
        var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
