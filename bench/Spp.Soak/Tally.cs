using System.Collections.Concurrent;

namespace Spp.Soak;

/// <summary>Answers counted by kind, and latencies, for one report interval.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> kinds = new();
    private readonly ConcurrentQueue<double> latencies = new();

    public void Add(string kind, double milliseconds)
    {
        kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
        latencies.Enqueue(milliseconds);
    }

    /// <summary>Reports and starts a new interval.</summary>
    public (int Requests, IReadOnlyDictionary<string, int> Kinds, double P50, double P99) Take()
    {
        var snapshot = new Dictionary<string, int>(kinds);
        kinds.Clear();
        var all = new List<double>();
        while (latencies.TryDequeue(out var l)) all.Add(l);
        all.Sort();
        double At(double q) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)(q * all.Count))];
        return (all.Count, snapshot, At(0.50), At(0.99));
    }

    /// <summary>An answer's kind: its status, and for errors the start of its reason.</summary>
    public static string KindOf(int status, string body) => status switch
    {
        < 300 => "2xx",
        400 when body.StartsWith("command error") => "400 command error",
        500 => "500 " + body.Split(':')[0],
        _ => status.ToString(),
    };
}
