using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary><c>--demo</c>: on a machine without DPDK the daemon shows one process of each type.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_starts_an_emulated_primary_and_one_secondary_of_each_type()
    {
        await using var daemon = await ChildDaemon.StartAsync(FreePort.Next(), FreePort.Next(), FreePort.Next(), "--demo");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daemon.ApiPort}") };
        const string all = """[{"type":"primary"},{"type":"nfv","client-id":1},{"type":"vf","client-id":2},{"type":"mirror","client-id":3},{"type":"pcap","client-id":4}]""";
        await Eventually.HoldsAsync(async () => await http.GetStringAsync("/v1/processes") == all, "all five listed");
        Assert.Equal(200, (int)(await http.GetAsync("/v1/vfs/2")).StatusCode);
    }

    [Theory]
    [InlineData("-p 0")]
    [InlineData("-p 65536")]
    [InlineData("-a x")]
    [InlineData("--bogus")]
    [InlineData("-b")]
    public async Task A_bad_flag_or_value_prints_usage_and_exits_2(string args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "spp-ctl.dll")} {args}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage:", stderr);
    }
}
