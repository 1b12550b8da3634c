using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class HostNameTests
{
    [Fact]
    public async Task A_second_member_with_a_name_already_taken_is_refused_and_says_why()
    {
        var seedPort = FreePort.Next();
        await using var first = await Controller.StartAsync(tune: o => o with
        {
            Cluster = new ClusterSettings { Port = seedPort, HostName = "a" },
        });
        await Eventually.HoldsAsync(async () => (await first.GetStringAsync("/v1/hosts")).Contains("\"host\":\"a\""), "a up");
        await using var second = await Controller.StartAsync(tune: o => o with
        {
            Cluster = new ClusterSettings { Port = FreePort.Next(), HostName = "a", Seeds = [$"127.0.0.1:{seedPort}"] },
        });

        await second.Daemon.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Matches(@"^the host name a is taken by the member at 127\.0\.0\.1:\d+; choose another with --host-name$", second.Daemon.ClusterRefusal);
        Assert.Contains(second.Logs.Events, e => e.RenderMessage().Contains("Refused by the cluster"));
        Assert.Equal("""[{"host":"a","address":"127.0.0.1:""" + seedPort + "\",\"status\":\"up\",\"self\":true,\"processes\":0}]",
            await first.GetStringAsync("/v1/hosts"));
    }

    [Fact]
    public async Task The_refused_program_exits_78_with_the_reason()
    {
        var seedPort = FreePort.Next();
        await using var first = await Controller.StartAsync(tune: o => o with
        {
            Cluster = new ClusterSettings { Port = seedPort, HostName = "a" },
        });
        var dll = Path.Combine(AppContext.BaseDirectory, "spp-ctl.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet",
            $"{dll} -b 127.0.0.1 -p {FreePort.Next()} -s {FreePort.Next()} -a {FreePort.Next()} --cluster-port {FreePort.Next()} --host-name a --seed 127.0.0.1:{seedPort}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var second = System.Diagnostics.Process.Start(start)!;
        var output = second.StandardOutput.ReadToEndAsync();
        var errors = second.StandardError.ReadToEndAsync();
        await second.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(40));
        await output;
        Assert.Equal(78, second.ExitCode);
        Assert.Matches(@"spp-ctl: error: the host name a is taken by the member at 127\.0\.0\.1:\d+; choose another with --host-name", await errors);
    }
}
