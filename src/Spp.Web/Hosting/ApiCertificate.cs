using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spp.Web.Hosting;

/// <summary>Reads the REST API's certificate and key for Kestrel's HTTPS; a problem names the setting at fault.</summary>
public static class ApiCertificate
{
    public const string CertificateSetting = "Tls:CertificatePath";
    public const string KeySetting = "Tls:KeyPath";

    /// <summary>The certificate with its private key; throws <see cref="CertificateException"/>.</summary>
    public static X509Certificate2 Load(TlsSettings tls)
    {
        if (tls.CertificatePath is not { } certificatePath)
            throw new CertificateException(KeySetting, $"a key file needs a certificate file ({CertificateSetting})");
        var certificateText = Read(CertificateSetting, certificatePath);
        var keyText = tls.KeyPath is { } keyPath ? Read(KeySetting, keyPath) : null;
        try
        {
            X509Certificate2.CreateFromPem(certificateText).Dispose();
        }
        catch (CryptographicException e)
        {
            throw new CertificateException(CertificateSetting, $"not a PEM certificate: {e.Message}");
        }
        try
        {
            return X509Certificate2.CreateFromPem(certificateText, keyText ?? certificateText);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw keyText is null
                ? new CertificateException(CertificateSetting, $"the file holds no private key, and {KeySetting} is not set")
                : new CertificateException(KeySetting, $"not the PEM private key of the certificate: {e.Message}");
        }
    }

    private static string Read(string setting, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateException(setting, $"cannot read the file: {e.Message}");
        }
    }
}

/// <summary>The certificate or key cannot be used; <see cref="Setting"/> is the key of the file at fault.</summary>
public sealed class CertificateException(string setting, string reason) : Exception(reason)
{
    public string Setting { get; } = setting;
}
