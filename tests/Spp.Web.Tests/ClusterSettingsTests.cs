using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spp.Web.Hosting;
using Spp.Web.Hosts;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>
/// The cluster settings: off without <c>Cluster:Port</c>; seeds from a repeated flag, a list or a JSON array; the host
/// name's rule; the members' certificate read at load; no clear text between members off loopback unless allowed.
/// </summary>
public sealed class ClusterSettingsTests : SettingsTest
{
    /// <summary>A self-signed certificate with its key in a PKCS#12 file with <paramref name="password"/>.</summary>
    private string WritePfx(string name, string? password, bool withKey = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=spp-ctl cluster test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var exported = withKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pfx, password));
        return path;
    }

    [Fact]
    public void Without_a_port_there_is_no_cluster()
    {
        var cluster = Load().Options.Cluster;
        Assert.False(cluster.Enabled);
        Assert.Equal(new ClusterSettings(), cluster);
    }

    [Fact]
    public void The_flags_set_the_cluster()
    {
        var cluster = Load(null, "--cluster-port", "26001", "--seed", "10.0.0.1:26001", "--host-name", "spp-1", "--allow-insecure-cluster",
            "-b", "10.0.0.5").Options.Cluster;
        Assert.True(cluster.Enabled);
        Assert.Equal(26001, cluster.Port);
        Assert.Equal(["10.0.0.1:26001"], cluster.Seeds);
        Assert.Equal("spp-1", cluster.HostName);
        Assert.True(cluster.AllowInsecure);
        Assert.Null(cluster.Address);
    }

    [Fact]
    public void Each_seed_flag_adds_a_seed_in_order()
    {
        Assert.Equal(["10.0.0.2:26001", "spp-host-1:26002", "10.0.0.1:26003"],
            Load(null, "--cluster-port", "26001", "--seed", "10.0.0.2:26001", "--seed=spp-host-1:26002", "--seed", "10.0.0.1:26003").Options.Cluster.Seeds);
        Assert.Equal(["10.0.0.2:26001", "10.0.0.3:26001"],
            CommandLine.Parse(["--cluster-port", "26001", "--seed", "10.0.0.2:26001,10.0.0.3:26001"])!.Cluster.Seeds);
    }

    [Fact]
    public void Environment_variables_set_the_cluster()
    {
        var pfx = WritePfx("cluster.pfx", "s3cret");
        var cluster = Load(new()
        {
            ["SPPCTL_Cluster__Port"] = "26001",
            ["SPPCTL_Cluster__Address"] = "10.0.0.5",
            ["SPPCTL_Cluster__Seeds"] = "10.0.0.1:26001, spp2:26001",
            ["SPPCTL_Cluster__HostName"] = "spp-5",
            ["SPPCTL_Cluster__Certificate__Path"] = pfx,
            ["SPPCTL_Cluster__Certificate__Password"] = "s3cret",
            ["SPPCTL_Cluster__AllowInsecure"] = "true",
        }).Options.Cluster;
        Assert.Equal(26001, cluster.Port);
        Assert.Equal(IPAddress.Parse("10.0.0.5"), cluster.Address);
        Assert.Equal(["10.0.0.1:26001", "spp2:26001"], cluster.Seeds);
        Assert.Equal("spp-5", cluster.HostName);
        Assert.Equal((pfx, "s3cret"), (cluster.CertificatePath, cluster.CertificatePassword));
        Assert.True(cluster.AllowInsecure);
    }

    [Fact]
    public void A_settings_file_sets_the_cluster_with_seeds_as_a_list_or_an_array()
    {
        var pfx = WritePfx("cluster.pfx", "s3cret");
        WriteFile("appsettings.json", $$$"""
            {"Cluster": {"Port": 26001, "Address": "localhost", "Seeds": ["10.0.0.1:26001", "10.0.0.2:26001"], "HostName": "spp-1",
                         "Certificate": {"Path": {{{System.Text.Json.JsonSerializer.Serialize(pfx)}}}, "Password": "s3cret"}, "AllowInsecure": false}}
            """);
        var loaded = Load();
        Assert.Empty(loaded.Warnings);
        var cluster = loaded.Options.Cluster;
        Assert.Equal(26001, cluster.Port);
        Assert.Equal(IPAddress.Loopback, cluster.Address);
        Assert.Equal(["10.0.0.1:26001", "10.0.0.2:26001"], cluster.Seeds);
        Assert.Equal("spp-1", cluster.HostName);
        Assert.Equal((pfx, "s3cret"), (cluster.CertificatePath, cluster.CertificatePassword));
        Assert.False(cluster.AllowInsecure);

        var config = WriteFile("site.json", """{"Cluster": {"Seeds": "10.0.0.3:26001,10.0.0.4:26001"}}""");
        Assert.Equal(["10.0.0.3:26001", "10.0.0.4:26001"], Load(null, "--config", config).Options.Cluster.Seeds);
    }

    [Fact]
    public void Seeds_as_an_array_are_joined_in_the_order_of_their_indexes()
    {
        var loaded = Load(new()
        {
            ["SPPCTL_Cluster__Port"] = "26001",
            ["SPPCTL_Cluster__Seeds__10"] = "10.0.0.3:26001",
            ["SPPCTL_Cluster__Seeds__2"] = "10.0.0.2:26001",
            ["SPPCTL_Cluster__Seeds__0"] = "10.0.0.1:26001",
        });
        Assert.Empty(loaded.Warnings);
        Assert.Equal(["10.0.0.1:26001", "10.0.0.2:26001", "10.0.0.3:26001"], loaded.Options.Cluster.Seeds);
    }

    [Fact]
    public void A_bad_seed_in_an_array_is_refused_naming_the_key()
    {
        var path = WriteFile("site.json", """{"Cluster": {"Port": 26001, "Seeds": ["10.0.0.1:26001", "http://10.0.0.2:26001"]}}""");
        Assert.Equal([$"Cluster:Seeds: invalid value '10.0.0.1:26001,http://10.0.0.2:26001' ({path}): 'http://10.0.0.2:26001' is not host:port "
            + "(an IPv4 address or a host name, a port from 1 to 65535; seeds separated by ',')"], Errors(null, "--config", path));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.0.0.1:0")]
    [InlineData("10.0.0.1:65536")]
    [InlineData(":26001")]
    [InlineData("[::1]:26001")]
    [InlineData("akka.tcp://spp@10.0.0.1:26001")]
    [InlineData("10.0.0.1:26001,")]
    public void A_seed_that_is_not_host_and_port_is_refused(string seed)
    {
        var error = Assert.Single(Errors(new() { ["SPPCTL_Cluster__Seeds"] = seed }));
        Assert.StartsWith($"Cluster:Seeds: invalid value '{seed}' (environment variable SPPCTL_Cluster__Seeds): '", error);
        Assert.Equal($"argument --seed: invalid value: '{seed}' ({error[(error.LastIndexOf("): '", StringComparison.Ordinal) + 3)..]})",
            Assert.Throws<CommandLineException>(() => CommandLine.Read(["--seed", "10.0.0.2:26001", "--seed", seed])).Message);
    }

    [Theory]
    [InlineData("Spp-1")]
    [InlineData("spp_1")]
    [InlineData("spp-1.example.com")]
    [InlineData("")]
    public void A_host_name_outside_the_rule_is_refused(string name)
    {
        var tooLong = new string('a', 64);
        foreach (var bad in name.Length == 0 ? [tooLong] : new[] { name })
        {
            Assert.Equal([$"Cluster:HostName: invalid value '{bad}' (environment variable SPPCTL_Cluster__HostName): 1 to 63 characters of a-z, 0-9 and -"],
                Errors(new() { ["SPPCTL_Cluster__HostName"] = bad }));
            Assert.Equal($"argument --host-name: invalid value: '{bad}' (1 to 63 characters of a-z, 0-9 and -)",
                Assert.Throws<CommandLineException>(() => CommandLine.Read(["--host-name", bad])).Message);
        }
        Assert.Equal(new string('a', 63), Load(null, "--host-name", new string('a', 63)).Options.Cluster.HostName);
    }

    [Fact]
    public void A_bad_cluster_port_is_refused()
    {
        Assert.Equal("argument --cluster-port: invalid value: '0' (a port is an integer from 1 to 65535)",
            Assert.Throws<CommandLineException>(() => CommandLine.Read(["--cluster-port", "0"])).Message);
        Assert.Equal(["ApiPort and Cluster:Port are both 7777: each listener needs its own port"], Errors(null, "--cluster-port", "7777"));
        Assert.Equal(["PrimaryPort and Cluster:Port are both 5555: each listener needs its own port"],
            Errors(new() { ["SPPCTL_Cluster__Port"] = "5555" }));
    }

    [Fact]
    public void Members_may_not_talk_in_clear_text_off_loopback()
    {
        Assert.Equal(["Cluster:Certificate:Path: the cluster port listens on 10.0.0.5, where members would talk in clear text; "
            + "give a certificate or --allow-insecure-cluster (Cluster:AllowInsecure)"],
            Errors(new() { ["SPPCTL_Cluster__Address"] = "10.0.0.5" }, "--cluster-port", "26001"));
        Assert.Equal(["Cluster:Certificate:Path: the cluster port listens on 10.0.0.6, where members would talk in clear text; "
            + "give a certificate or --allow-insecure-cluster (Cluster:AllowInsecure)"],
            Errors(null, "-b", "10.0.0.6", "--cluster-port", "26001"));
        Assert.True(Load(null, "-b", "10.0.0.6", "--cluster-port", "26001", "--allow-insecure-cluster").Options.Cluster.AllowInsecure);
    }

    [Fact]
    public void The_cluster_is_not_announced_on_the_unspecified_address()
    {
        const string Refusal = "Cluster:Address: the cluster port would be announced as 0.0.0.0, which the other members cannot reach; "
            + "give the address they reach this host on";
        Assert.Equal([Refusal], Errors(null, "-b", "0.0.0.0", "--cluster-port", "26001", "--allow-insecure-cluster"));
        Assert.Equal([Refusal], Errors(new() { ["SPPCTL_Cluster__Address"] = "0.0.0.0" }, "--cluster-port", "26001", "--allow-insecure-cluster"));
        Assert.Equal(IPAddress.Parse("10.0.0.5"), Load(new() { ["SPPCTL_Cluster__Address"] = "10.0.0.5" }, "-b", "0.0.0.0",
            "--cluster-port", "26001", "--allow-insecure-cluster").Options.Cluster.Address);
    }

    [Fact]
    public void On_loopback_members_need_no_certificate()
    {
        Assert.Equal(26001, Load(null, "--cluster-port", "26001").Options.Cluster.Port);
        Assert.Equal(IPAddress.Loopback, Load(new() { ["SPPCTL_Cluster__Address"] = "127.0.0.1" }, "-b", "0.0.0.0", "--cluster-port", "26001")
            .Options.Cluster.Address);
    }

    [Fact]
    public void A_certificate_lets_members_talk_off_loopback()
    {
        var pfx = WritePfx("cluster.pfx", "s3cret");
        var cluster = Load(new() { ["SPPCTL_Cluster__Certificate__Path"] = pfx, ["SPPCTL_Cluster__Certificate__Password"] = "s3cret" },
            "-b", "10.0.0.5", "--cluster-port", "26001").Options.Cluster;
        using var certificate = ClusterCertificate.Load(cluster);
        Assert.True(certificate.HasPrivateKey);

        var withoutPassword = WritePfx("open.pfx", null);
        Assert.Equal(withoutPassword, Load(new() { ["SPPCTL_Cluster__Certificate__Path"] = withoutPassword }, "-b", "10.0.0.5", "--cluster-port", "26001")
            .Options.Cluster.CertificatePath);
    }

    [Fact]
    public void A_certificate_that_does_not_open_with_its_password_is_refused()
    {
        var pfx = WritePfx("cluster.pfx", "s3cret");
        var error = Assert.Single(Errors(new() { ["SPPCTL_Cluster__Certificate__Path"] = pfx, ["SPPCTL_Cluster__Certificate__Password"] = "wrong" },
            "--cluster-port", "26001"));
        Assert.StartsWith($"Cluster:Certificate:Path: invalid value '{pfx}' (environment variable SPPCTL_Cluster__Certificate__Path): "
            + "does not open as PKCS#12 (.pfx) with Cluster:Certificate:Password: ", error);
        Assert.DoesNotContain("wrong", error);

        error = Assert.Single(Errors(new() { ["SPPCTL_Cluster__Certificate__Path"] = pfx }, "--cluster-port", "26001"));
        Assert.StartsWith($"Cluster:Certificate:Path: invalid value '{pfx}' (environment variable SPPCTL_Cluster__Certificate__Path): "
            + "does not open as PKCS#12 (.pfx) without a password: ", error);

        var notPfx = WriteFile("cluster.pem", "-----BEGIN CERTIFICATE-----\n");
        Assert.StartsWith("Cluster:Certificate:Path: ", Assert.Single(Errors(new() { ["SPPCTL_Cluster__Certificate__Path"] = notPfx })));
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var pfx = WritePfx("cluster.pfx", "s3cret", withKey: false);
        Assert.Equal([$"Cluster:Certificate:Path: invalid value '{pfx}' (environment variable SPPCTL_Cluster__Certificate__Path): the file holds no private key"],
            Errors(new() { ["SPPCTL_Cluster__Certificate__Path"] = pfx, ["SPPCTL_Cluster__Certificate__Password"] = "s3cret" }));
    }

    [Fact]
    public void A_password_without_a_certificate_is_refused_without_repeating_it() =>
        Assert.Equal(["Cluster:Certificate:Password (environment variable SPPCTL_Cluster__Certificate__Password): "
            + "a password needs a certificate file (Cluster:Certificate:Path)"],
            Errors(new() { ["SPPCTL_Cluster__Certificate__Password"] = "s3cret" }));

    [Fact]
    public void Cluster_settings_without_a_port_are_warnings_and_change_nothing()
    {
        var path = WriteFile("site.json", """{"Cluster": {"Seeds": ["10.0.0.1:26001"], "AllowInsecure": false}}""");
        var loaded = Load(new() { ["SPPCTL_Cluster__HostName"] = "spp-1" }, "--config", path, "--allow-insecure-cluster");
        Assert.Equal(
        [
            $"Cluster:Seeds: ignored, no cluster without Cluster:Port ({path})",
            "Cluster:HostName: ignored, no cluster without Cluster:Port (environment variable SPPCTL_Cluster__HostName)",
            "Cluster:AllowInsecure: ignored, no cluster without Cluster:Port (flag --allow-insecure-cluster)",
        ], loaded.Warnings);
        Assert.False(loaded.Options.Cluster.Enabled);
    }

    [Fact]
    public void Help_lists_the_cluster_flags_and_settings()
    {
        foreach (var flag in new[] { "--cluster-port PORT", "--seed HOST:PORT", "--host-name NAME", "--allow-insecure-cluster" })
            Assert.Contains($"[{flag}]", CommandLine.Usage);
        foreach (var key in new[] { "Cluster:Port", "Cluster:Address", "Cluster:Seeds", "Cluster:HostName", "Cluster:Certificate:Path",
            "Cluster:Certificate:Password" })
            Assert.Matches($"\n  {key} +\"\" ", CommandLine.Usage);
        Assert.Matches("\n  Cluster:AllowInsecure +false ", CommandLine.Usage);
    }
}
