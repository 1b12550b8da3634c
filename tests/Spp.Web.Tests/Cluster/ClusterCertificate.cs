using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spp.Web.Tests.Cluster;

/// <summary>A self-signed certificate for the members of a test cluster, in a password-protected PKCS#12 file.</summary>
public sealed class ClusterCertificate : IDisposable
{
    public const string Password = "test-cluster";

    private readonly string directory = Directory.CreateTempSubdirectory("spp-ctl-cluster-").FullName;

    public ClusterCertificate(string name = "spp-ctl cluster")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // Members are servers to those that connect to them and clients of those they connect to.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Path = System.IO.Path.Combine(directory, "cluster.pfx");
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
