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
}
