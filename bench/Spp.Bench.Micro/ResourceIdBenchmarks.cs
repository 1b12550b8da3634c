using BenchmarkDotNet.Attributes;
using Spp.Protocol.Grammar;

namespace Spp.Bench.Micro;

/// <summary>Resource UID parsing (rest-api.md 1.5): the plain, multi-queue and spaced forms, and a refused one.</summary>
[MemoryDiagnoser]
public class ResourceIdBenchmarks
{
    [Params("ring:0", "vhost:12", "phy:0nq1", "phy:0 nq 1", "ring:x")]
    public string Text { get; set; } = "";

    [Benchmark(Description = "ResourceId.TryParse")]
    public ResourceId? Parse() => ResourceId.TryParse(Text, out var id) ? id : null;
}
