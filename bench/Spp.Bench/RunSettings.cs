namespace Spp.Bench;

/// <summary>How long and how often each figure is measured.</summary>
/// <param name="Warmup">Load before each measurement, not measured.</param>
/// <param name="JitWarmUpLimit">The longest a fresh daemon is loaded before measuring, waiting for its JIT to go quiet.</param>
public sealed record RunSettings(int Runs, TimeSpan Duration, TimeSpan Warmup, TimeSpan JitWarmUpLimit)
{
    public static readonly RunSettings Full = new(3, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30));

    public static readonly RunSettings Quick = new(1, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(3));

    public string Text => Runs == 1
        ? $"Each figure from one run of {Duration.TotalSeconds:0.0} s, on a daemon loaded for at most {JitWarmUpLimit.TotalSeconds:0} s first (quick: it may still be compiling)."
        : $"Each figure is the median of {Runs} runs of {Duration.TotalSeconds:0.0} s, each after {Warmup.TotalSeconds:0.0} s of warm-up, "
          + "on a daemon loaded until its JIT went quiet.";

    /// <summary>
    /// Runs <paramref name="measure"/> <see cref="Runs"/> times on each of <paramref name="sides"/>, interleaved (A, B,
    /// A, B, ...) so that whatever drifts during the runs (other work on the machine, heat) hits every side alike.
    /// </summary>
    /// <returns>Each side's results, in the order of <paramref name="sides"/>.</returns>
    public async Task<IReadOnlyList<IReadOnlyList<T>>> InterleaveAsync<TSide, T>(IReadOnlyList<TSide> sides, Func<TSide, Task<T>> measure)
    {
        var results = sides.Select(_ => new List<T>()).ToArray();
        for (var run = 0; run < Runs; run++)
            for (var side = 0; side < sides.Count; side++)
                results[side].Add(await measure(sides[side]));
        return results;
    }
}
