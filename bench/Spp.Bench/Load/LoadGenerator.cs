using System.Diagnostics;
using System.Net;

namespace Spp.Bench.Load;

/// <summary>
/// Closed-loop HTTP load: N concurrent loops, each sending one request and reading the whole answer before the
/// next, for a fixed time. Latencies go into arrays allocated before the clock starts; each loop stops at the
/// deadline or when its array is full. The daemon's CPU time and the machine's are sampled over the same window.
/// </summary>
public sealed class LoadGenerator(int daemonProcessId) : IDisposable
{
    /// <summary>More than any loop can send per second on loopback; bounds the arrays and so each run.</summary>
    private const int MaxRequestsPerSecond = 200_000;

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Warms up (connections, JIT) for <paramref name="warmup"/>, then measures for <paramref name="duration"/>.</summary>
    public async Task<LoadResult> RunAsync(ApiCall call, int clients, TimeSpan duration, TimeSpan warmup)
    {
        if (warmup > TimeSpan.Zero) await MeasureAsync(call, clients, warmup);
        return await MeasureAsync(call, clients, duration);
    }

    private async Task<LoadResult> MeasureAsync(ApiCall call, int clients, TimeSpan duration)
    {
        var capacity = (int)Math.Ceiling(duration.TotalSeconds * MaxRequestsPerSecond / clients) + 16;
        var latencies = Enumerable.Range(0, clients).Select(_ => new long[capacity]).ToArray();
        var cpu = CpuSample.Take(daemonProcessId);
        var deadline = cpu.Timestamp + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, clients).Select(i => Task.Run(() => LoopAsync(call, i, latencies[i], deadline))).ToArray();
        var outcomes = await Task.WhenAll(loops);
        var end = CpuSample.Take(daemonProcessId);
        var seconds = Stopwatch.GetElapsedTime(cpu.Timestamp, end.Timestamp).TotalSeconds;

        var all = new long[outcomes.Sum(o => o.Count)];
        var at = 0;
        for (var i = 0; i < clients; i++)
        {
            latencies[i].AsSpan(0, outcomes[i].Count).CopyTo(all.AsSpan(at));
            at += outcomes[i].Count;
        }
        Array.Sort(all);
        return new LoadResult(all.Length, outcomes.Sum(o => o.Failures), all.Length / seconds,
            Statistics.Microseconds(Statistics.Percentile(all, 0.50)),
            Statistics.Microseconds(Statistics.Percentile(all, 0.99)), end.Since(cpu));
    }

    private async Task<(int Count, long Failures)> LoopAsync(ApiCall call, int loop, long[] latencies, long deadline)
    {
        var buffer = new byte[64 * 1024];
        var count = 0;
        long failures = 0;
        for (long sequence = loop; count < latencies.Length && Stopwatch.GetTimestamp() < deadline; sequence++)
        {
            var sent = Stopwatch.GetTimestamp();
            var status = await SendAsync(call.Create(sequence), buffer);
            latencies[count++] = Stopwatch.GetTimestamp() - sent;
            if (status != call.Expected) failures++;
        }
        return (count, failures);
    }

    private async Task<HttpStatusCode?> SendAsync(HttpRequestMessage request, byte[] buffer)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            {
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0)
                {
                }
                return response.StatusCode;
            }
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public void Dispose() => http.Dispose();
}
