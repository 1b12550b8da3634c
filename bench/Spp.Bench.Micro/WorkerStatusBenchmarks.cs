using BenchmarkDotNet.Attributes;
using Spp.Emulator;
using Spp.Protocol;
using Spp.Protocol.Replies;
using Spp.Protocol.Status;

namespace Spp.Bench.Micro;

/// <summary>The members <c>GET /v1/vfs/{id}</c> and <c>GET /v1/mirrors/{id}</c> report, read from the status <c>info</c>.</summary>
[MemoryDiagnoser]
public class WorkerStatusBenchmarks
{
    private byte[] reply = [];

    [Params(EmulatedKind.Vf, EmulatedKind.Mirror)]
    public EmulatedKind Kind { get; set; }

    [GlobalSetup]
    public void Setup() => reply = SampleReplies.Status(Kind).Reply;

    [Benchmark(Description = "status verdict and worker status members")]
    public WorkerStatus? Members() =>
        ReplyReader.Status(ReplyFamily.Stream, reply) is ReplyVerdict.Accepted { Value: { } info } ? WorkerStatus.Read(info) : null;
}
