using System.Net;
using Spp.Emulator;
using Spp.Web.Hosting;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>
/// The REST API over HTTPS with a PEM certificate and key (<c>--tls-cert</c>, <c>--tls-key</c>), served by Kestrel;
/// files that cannot be used stop the start naming their setting; tokens sent in clear are warned about.
/// </summary>
public sealed class HttpsTests : IDisposable
{
    private static readonly Dictionary<string, string?> Tokens = new()
    {
        ["Access:Tokens:0:Name"] = "alice",
        ["Access:Tokens:0:Token"] = "alice-token-0123456789",
        ["Access:Tokens:0:Role"] = "operator",
    };

    private readonly SelfSignedCertificate certificate = new();

    public void Dispose() => certificate.Dispose();

    private static DaemonOptions Ephemeral(TlsSettings tls) =>
        new() { PrimaryPort = 0, SecondaryPort = 0, ApiPort = 0, Tls = tls };

    [Fact]
    public async Task The_api_is_served_over_https_with_the_pem_certificate_and_key()
    {
        await using var daemon = await Daemon.StartAsync(
            Ephemeral(new TlsSettings { CertificatePath = certificate.CertificatePath, KeyPath = certificate.KeyPath }), new CollectingSink().Logger());
        await using var nfv = EmulatedProcess.Start(EmulatedKind.Nfv, 1, new("127.0.0.1", daemon.SecondaryPort), Controller.FastEmulator);
        using var https = certificate.Client(daemon.ApiPort);

        await Eventually.HoldsAsync(async () => await https.GetStringAsync("/v1/processes") == """[{"type":"nfv","client-id":1}]""", "nfv 1 listed over https");
        var sent = await Sent.DuringAsync(nfv, async () =>
            await Expect.NoContentAsync(await https.PutAsync("/v1/nfvs/1/forward", new StringContent("""{"action":"start"}"""))));
        Assert.Equal(["forward"], sent);
        await Expect.ErrorAsync(await https.PutAsync("/v1/nfvs/1/forward", new StringContent("""{"action":"bogus"}""")), 400, "invalid key(action): bogus.");
        Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_certificate_file_holding_its_key_needs_no_key_file()
    {
        await using var daemon = await Daemon.StartAsync(Ephemeral(new TlsSettings { CertificatePath = certificate.CombinedPath }), new CollectingSink().Logger());
        using var https = certificate.Client(daemon.ApiPort);

        Assert.Equal("[]", await https.GetStringAsync("/v1/processes"));
    }

    [Fact]
    public async Task Plain_http_is_not_answered_on_an_https_api()
    {
        await using var daemon = await Daemon.StartAsync(
            Ephemeral(new TlsSettings { CertificatePath = certificate.CertificatePath, KeyPath = certificate.KeyPath }), new CollectingSink().Logger());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daemon.ApiPort}"), Timeout = TimeSpan.FromSeconds(30) };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/v1/processes"));
    }

    [Fact]
    public void The_flags_set_the_certificate_and_key()
    {
        var options = CommandLine.Parse(["--tls-cert", certificate.CertificatePath, "--tls-key", certificate.KeyPath])!;

        Assert.Equal(new TlsSettings { CertificatePath = certificate.CertificatePath, KeyPath = certificate.KeyPath }, options.Tls);
        Assert.False(CommandLine.Parse([])!.Tls.Enabled);
    }

    [Fact]
    public void A_certificate_that_cannot_be_used_is_refused_naming_its_setting()
    {
        var garbage = certificate.Write("garbage.pem", "not a certificate");
        Assert.Equal(
            [$"Tls:CertificatePath: invalid value '{garbage}' (flag --tls-cert): not a PEM certificate: The certificate contents do not contain a PEM with a CERTIFICATE label, or the content is malformed."],
            Errors("--tls-cert", garbage, "--tls-key", certificate.KeyPath));
        Assert.Equal(
            [$"Tls:CertificatePath: invalid value '{certificate.CertificatePath}' (flag --tls-cert): the file holds no private key, and Tls:KeyPath is not set"],
            Errors("--tls-cert", certificate.CertificatePath));
        var missing = Path.Combine(Path.GetDirectoryName(certificate.CertificatePath)!, "missing.pem");
        Assert.Equal(
            [$"Tls:CertificatePath: invalid value '{missing}' (flag --tls-cert): cannot read the file: Could not find file '{missing}'."],
            Errors("--tls-cert", missing));
    }

    [Fact]
    public void A_key_that_cannot_be_used_is_refused_naming_its_setting()
    {
        var error = Assert.Single(Errors("--tls-cert", certificate.CertificatePath, "--tls-key", certificate.OtherKeyPath));
        Assert.StartsWith($"Tls:KeyPath: invalid value '{certificate.OtherKeyPath}' (flag --tls-key): not the PEM private key of the certificate: ", error);

        var garbage = certificate.Write("garbage.key", "not a key");
        error = Assert.Single(Errors("--tls-cert", certificate.CertificatePath, "--tls-key", garbage));
        Assert.StartsWith($"Tls:KeyPath: invalid value '{garbage}' (flag --tls-key): not the PEM private key of the certificate: ", error);

        Assert.Equal(
            [$"Tls:KeyPath: invalid value '{certificate.KeyPath}' (flag --tls-key): a key file needs a certificate file (Tls:CertificatePath)"],
            Errors("--tls-key", certificate.KeyPath));
    }

    [Fact]
    public async Task The_program_exits_78_on_a_certificate_it_cannot_use()
    {
        string[] ports = ["-p", $"{FreePort.Next()}", "-s", $"{FreePort.Next()}", "-a", $"{FreePort.Next()}"];
        var status = await DaemonProgram.RunAsync([.. ports, "--tls-cert", certificate.CertificatePath, "--tls-key", certificate.OtherKeyPath])
            .WaitAsync(Controller.Patience);
        Assert.Equal(78, status);
    }

    [Fact]
    public async Task Tokens_on_a_non_loopback_address_without_tls_are_warned_about()
    {
        var sink = new CollectingSink();
        var open = Ephemeral(new TlsSettings()) with { BindAddress = IPAddress.Any };
        await using (await Daemon.StartAsync(open, sink.Logger(), Tokens)) { }
        Assert.Contains(sink.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.RenderMessage().StartsWith("Access tokens travel in clear text to the API on ") && e.RenderMessage().Contains("0.0.0.0"));

        var quiet = new CollectingSink();
        await using (await Daemon.StartAsync(open with { Tls = new() { CertificatePath = certificate.CombinedPath } }, quiet.Logger(), Tokens)) { }
        await using (await Daemon.StartAsync(Ephemeral(new TlsSettings()), quiet.Logger(), Tokens)) { }
        Assert.DoesNotContain(quiet.Events, e => e.RenderMessage().Contains("in clear text"));
    }

    private static IReadOnlyList<string> Errors(params string[] args) =>
        Assert.Throws<ConfigurationException>(() => SettingsLoader.Load(new SettingsSources(null, new Dictionary<string, string>(), CommandLine.Read(args)))).Errors;
}
