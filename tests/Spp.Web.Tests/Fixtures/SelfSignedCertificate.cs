using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// A certificate for 127.0.0.1 and localhost, made for the test, in PEM files as an operator would hold them: the
/// certificate, its key, both in one file, and a key of another certificate.
/// </summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("spp-ctl-tls-").FullName;

    public SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=spp-ctl test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        CertificatePath = Write("api.pem", Certificate.ExportCertificatePem());
        KeyPath = Write("api.key", key.ExportPkcs8PrivateKeyPem());
        CombinedPath = Write("api-with-key.pem", Certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        OtherKeyPath = Write("other.key", otherKey.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Certificate { get; }
    public string CertificatePath { get; }
    public string KeyPath { get; }
    public string CombinedPath { get; }
    public string OtherKeyPath { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>An HTTPS client that trusts this certificate alone, with the usual checks of name and dates.</summary>
    public HttpClient Client(int port) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Trusts },
    })
    {
        BaseAddress = new Uri($"https://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private bool Trusts(object sender, X509Certificate? presented, X509Chain? _, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(presented));
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
