using BenchmarkDotNet.Attributes;
using Spp.Emulator;
using Spp.Protocol;
using Spp.Protocol.Replies;
using Spp.Protocol.Status;

namespace Spp.Bench.Micro;

/// <summary>
/// Reading each process type's status reply, as the emulator sends it: the verdict (the status object, or the
/// workers' <c>info</c>), what it says of the command as the log line reads it, and the lcores of <c>GET /v1/cpu_usage</c>.
/// </summary>
[MemoryDiagnoser]
public class StatusBenchmarks
{
    private byte[] reply = [];
    private ProcessType type;

    [ParamsAllValues]
    public EmulatedKind Kind { get; set; }

    [GlobalSetup]
    public void Setup() => (reply, type) = SampleReplies.Status(Kind);

    [Benchmark(Description = "status verdict")]
    public ReplyVerdict Verdict() => ReplyReader.Status(type.Family(), reply);

    [Benchmark(Description = "command verdict (the log line's)")]
    public ReplyVerdict CommandVerdict() => ReplyReader.Mutation(type.Family(), reply, "status");

    [Benchmark(Description = "lcore usage")]
    public LcoreUsage? Lcores() => Verdict() is ReplyVerdict.Accepted { Value: { } status } ? LcoreUsage.Read(type, status) : null;
}
