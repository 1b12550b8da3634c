namespace Spp.Web.Hosting;

/// <summary>
/// HTTPS for the REST API: a PEM certificate file and the PEM file of its private key (without a key file, the key
/// is read from the certificate's file). Off while no certificate is given.
/// </summary>
public sealed record TlsSettings
{
    public string? CertificatePath { get; init; }
    public string? KeyPath { get; init; }

    public bool Enabled => CertificatePath is not null;
}
