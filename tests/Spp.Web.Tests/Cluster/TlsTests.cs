using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class TlsTests
{
    private static Task<Controller> StartAsync(string name, int port, int seedPort, ClusterCertificate certificate) =>
        Controller.StartAsync(tune: o => o with
        {
            Cluster = new ClusterSettings
            {
                Port = port, HostName = name, Seeds = [$"127.0.0.1:{seedPort}"],
                CertificatePath = certificate.Path, CertificatePassword = ClusterCertificate.Password,
            },
        });

    [Fact]
    public async Task Members_with_the_cluster_certificate_talk_over_tls_and_one_with_another_certificate_is_kept_out()
    {
        using var certificate = new ClusterCertificate();
        using var stranger = new ClusterCertificate("someone else");
        var seedPort = FreePort.Next();
        await using var a = await StartAsync("a", seedPort, seedPort, certificate);
        await using var b = await StartAsync("b", FreePort.Next(), seedPort, certificate);
        await b.ConnectAsync(Spp.Emulator.EmulatedKind.Nfv, 1);

        await Eventually.HoldsAsync(async () => (await a.GetStringAsync("/v1/hosts")).Contains("\"host\":\"b\""), "b joined", TimeSpan.FromSeconds(30));
        Assert.Equal("""[{"type":"nfv","client-id":1}]""", await a.GetStringAsync("/v1/hosts/b/processes"));

        await using var c = await StartAsync("c", FreePort.Next(), seedPort, stranger);
        await c.Daemon.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("the TLS handshake with the cluster failed", c.Daemon.ClusterRefusal);
        Assert.Contains(a.Logs.Events, e => e.RenderMessage().Contains("Rejected incoming connection") && e.RenderMessage().Contains("TLS handshake failure"));
        Assert.DoesNotContain("\"host\":\"c\"", await a.GetStringAsync("/v1/hosts"));
    }
}
