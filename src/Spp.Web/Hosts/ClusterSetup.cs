using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Akka.Remote.Transport.DotNetty;
using Spp.Actors;
using Spp.Actors.Events;
using Spp.Actors.Hosts;

namespace Spp.Web.Hosts;

/// <summary>
/// Akka.Remote and Akka.Cluster for a daemon with <c>--cluster-port</c>: the member's role carries its host name,
/// every host message has its own serializer, and <c>/user/hosts</c> follows the members.
/// </summary>
public static class ClusterSetup
{
    public const string SystemName = "spp-ctl";

    /// <summary>
    /// Hosts share nothing but requests. The split brain resolver keeps the oldest member's side, unless the oldest is
    /// alone, so a crashed member, the oldest included, is downed and the others go on; and a member that is downed
    /// while it runs keeps serving its own processes (it takes a restart to join again).
    /// </summary>
    private const string Hocon = """
        akka {
          cluster {
            downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            split-brain-resolver {
              active-strategy = keep-oldest
              stable-after = 10s
              keep-oldest.down-if-alone = on
            }
            run-coordinated-shutdown-when-down = off
            failure-detector {
              acceptable-heartbeat-pause = 3s
            }
          }
          remote.dot-netty.tcp.maximum-frame-size = 17000000b
        }
        """;

    public static AkkaConfigurationBuilder WithHosts(this AkkaConfigurationBuilder akka, ClusterSettings cluster, IPAddress bindAddress, string hostName)
    {
        akka.WithCustomSerializer("spp-hosts", [typeof(IHostMessage)], system => new HostMessageSerializer(system));
        if (!cluster.Enabled) return akka;
        return WithCluster(akka, cluster, bindAddress, hostName);
    }

    // A method of its own, never inlined: compiling it loads Akka.Remote, Akka.Cluster and their hosting assemblies,
    // which a daemon without a cluster port then never maps (0.3 to 0.8 MB of its resident memory).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AkkaConfigurationBuilder WithCluster(AkkaConfigurationBuilder akka, ClusterSettings cluster, IPAddress bindAddress, string hostName)
    {
        var address = (cluster.Address ?? bindAddress).ToString();
        var port = cluster.Port!.Value;
        var certificate = cluster.CertificatePath is null ? null : Hosting.ClusterCertificate.Load(cluster);
        string[] seeds = cluster.Seeds.Count > 0 ? [.. cluster.Seeds] : [$"{address}:{port.ToString(CultureInfo.InvariantCulture)}"];
        var protocol = certificate is null ? "akka.tcp" : "akka.ssl.tcp";
        return akka
            .AddHocon(Hocon, HoconAddMode.Prepend)
            .WithRemoting(new RemoteOptions
            {
                HostName = address,
                PublicHostName = address,
                Port = port,
                EnableSsl = certificate is not null,
                Ssl = certificate is null ? null! : new SslOptions
                {
                    X509Certificate = certificate,
                    // Every member presents the cluster's certificate: a peer is trusted if it presents that very one.
                    SuppressValidation = true,
                    CustomValidator = CertificateValidation.PinnedCertificate(certificate.Thumbprint),
                },
            })
            .WithClustering(new ClusterOptions
            {
                Roles = [HostsActor.RolePrefix + hostName],
                SeedNodes = [.. seeds.Select(s => $"{protocol}://{SystemName}@{s}")],
            })
            .WithActors((system, registry, resolver) => registry.Register<HostsActor>(system.ActorOf(HostsActor.Props(
                resolver.GetService<HostDirectory>(), resolver.GetService<ProcessDirectory>(),
                resolver.GetService<ProcessEvents>(), resolver.GetService<HostCalls>()), HostsActor.Name)));
    }
}
