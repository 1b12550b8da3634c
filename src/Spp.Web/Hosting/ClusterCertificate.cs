using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spp.Web.Hosts;

namespace Spp.Web.Hosting;

/// <summary>Reads the PKCS#12 certificate of TLS between cluster members; a problem names the setting at fault.</summary>
public static class ClusterCertificate
{
    public const string PathSetting = "Cluster:Certificate:Path";
    public const string PasswordSetting = "Cluster:Certificate:Password";

    /// <summary>The certificate with its private key; throws <see cref="CertificateException"/>.</summary>
    public static X509Certificate2 Load(ClusterSettings cluster)
    {
        if (cluster.CertificatePath is not { } path)
            throw new CertificateException(PasswordSetting, $"a password needs a certificate file ({PathSetting})");
        if (!File.Exists(path)) throw new CertificateException(PathSetting, "file not found");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, cluster.CertificatePassword);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateException(PathSetting, $"cannot read the file: {e.Message}");
        }
        catch (CryptographicException e)
        {
            var password = cluster.CertificatePassword is null ? "without a password" : $"with {PasswordSetting}";
            throw new CertificateException(PathSetting, $"does not open as PKCS#12 (.pfx) {password}: {e.Message}");
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CertificateException(PathSetting, "the file holds no private key");
        }
        return certificate;
    }
}
