using System.Diagnostics;
using Spp.Emulator;
using Spp.Bench.Daemon;
using Spp.Soak;

SoakOptions? options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{SoakOptions.Usage}\nspp-soak: error: {e.Message}");
    return 2;
}
if (options is null)
{
    Console.WriteLine(SoakOptions.Usage);
    return 0;
}

await using var daemon = await DaemonProcess.StartAsync(await DaemonBuild.CurrentAsync(), "--timeout", $"{options.TimeoutSeconds}");
var emulator = new EmulatorOptions { RetryInterval = TimeSpan.FromMilliseconds(200), WorkerExitDelay = TimeSpan.FromMilliseconds(100) };
await using var fleet = Fleet.StartMixed(daemon.PrimaryPort, daemon.SecondaryPort, options.Processes, emulator);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 })
{
    BaseAddress = daemon.Api,
    Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds * 10),
};

var tally = new Tally();
var end = DateTime.UtcNow + TimeSpan.FromMinutes(options.Minutes);
var load = Enumerable.Range(0, options.Operators).Select(op => Task.Run(() => Load.OperateAsync(http, fleet, op, end, tally))).ToList();
var faults = Task.Run(() => FaultSchedule.RunAsync(fleet, end));

Console.WriteLine($"soak: {options.Processes} secondaries, {options.Operators} operators, {options.Minutes} min, daemon --timeout {options.TimeoutSeconds}");
Console.WriteLine("elapsed  requests    req/s   p50 ms   p99 ms  rss MiB  answers by kind");
var clock = Stopwatch.StartNew();
while (DateTime.UtcNow < end)
{
    await Task.Delay(TimeSpan.FromSeconds(Math.Min(options.IntervalSeconds, Math.Max(0.1, (end - DateTime.UtcNow).TotalSeconds))));
    var (requests, kinds, p50, p99) = tally.Take();
    var byKind = string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}: {k.Value}"));
    Console.WriteLine($"{clock.Elapsed:mm\\:ss}  {requests,8} {requests / (double)options.IntervalSeconds,8:F0} {p50,8:F2} {p99,8:F2} {daemon.ResidentMegabytes(),8:F1}  {byKind}");
}
await Task.WhenAll(load);
await faults;
return 0;
