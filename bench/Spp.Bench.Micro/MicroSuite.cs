using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Spp.Bench.Micro;

/// <summary>The BenchmarkDotNet suite of the protocol layer, run in this process (no generated projects).</summary>
public static class MicroSuite
{
    public static int Run(bool quick)
    {
        var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default);
        var summaries = BenchmarkRunner.Run(typeof(MicroSuite).Assembly, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
