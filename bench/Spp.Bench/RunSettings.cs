namespace Spp.Bench;

/// <summary>How long and how often each figure is measured.</summary>
public sealed record RunSettings(int Runs, TimeSpan Duration, TimeSpan Warmup)
{
    public static readonly RunSettings Full = new(3, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.5));

    public static readonly RunSettings Quick = new(1, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.2));

    public string Text => Runs == 1
        ? $"Each figure from one run of {Duration.TotalSeconds:0.0} s (quick)."
        : $"Each figure is the median of {Runs} runs of {Duration.TotalSeconds:0.0} s, after {Warmup.TotalSeconds:0.0} s of warm-up.";

    /// <summary>Runs <paramref name="measure"/> <see cref="Runs"/> times.</summary>
    public async Task<IReadOnlyList<T>> RepeatAsync<T>(Func<Task<T>> measure)
    {
        var results = new List<T>();
        for (var i = 0; i < Runs; i++) results.Add(await measure());
        return results;
    }
}
