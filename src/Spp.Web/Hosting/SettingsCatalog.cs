using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Serilog;
using Serilog.Events;
using Spp.Web.Hosts;

namespace Spp.Web.Hosting;

/// <summary>Every configuration key of the daemon, with its default and how its value is read.</summary>
public static class SettingsCatalog
{
    public static readonly IReadOnlyList<Setting> All =
    [
        new("BindAddress", "localhost", "address of all three listeners: localhost (127.0.0.1), an IPv4 address or a host name",
            (o, v) => o with { BindAddress = Address(v) }) { Flag = new("-b", "BIND_ADDR", "--bind-addr") },
        new("PrimaryPort", "5555", "port where spp_primary connects", (o, v) => o with { PrimaryPort = Port(v) }) { Flag = new("-p", "PRI_PORT") },
        new("SecondaryPort", "6666", "port where spp_nfv, spp_vf, spp_mirror and spp_pcap connect",
            (o, v) => o with { SecondaryPort = Port(v) }) { Flag = new("-s", "SEC_PORT") },
        new("ApiPort", "7777", "port of the REST API (HTTP/1.1)", (o, v) => o with { ApiPort = Port(v) }) { Flag = new("-a", "API_PORT") },
        new("CommandTimeoutSeconds", "10", "how long one command may wait for its reply, in seconds (more than 0, at most 3600)",
            (o, v) => o with { CommandTimeout = Seconds(v, 3600) }) { Flag = new("--timeout", "SECONDS") },
        new("IdentificationTimeoutSeconds", "5", "how long a newcomer on the secondary port has to say who it is, in seconds",
            (o, v) => o with { IdentificationTimeout = Seconds(v, 3600) }),
        new("Demo", "false", "also start emulated processes: a primary, nfv 1, vf 2, mirror 3, pcap 4",
            (o, v) => o with { Demo = Boolean(v) }) { Flag = new("--demo") },
        new("AllowAnonymous", "false", "serve the API on a non-loopback address without access tokens",
            (o, v) => o with { AllowAnonymous = Boolean(v) }) { Flag = new("--allow-anonymous") },
        new("SysfsRoot", "/sys", "where sysfs is mounted, for GET /v1/cpu_layout", (o, v) => o with { SysfsRoot = NonEmpty(v) }),
        new(ApiCertificate.CertificateSetting, "", "serve the REST API over HTTPS with this PEM certificate (empty: plain HTTP)",
            (o, v) => o with { Tls = o.Tls with { CertificatePath = v.Length == 0 ? null : v } }) { Flag = new("--tls-cert", "FILE") },
        new(ApiCertificate.KeySetting, "", "the PEM private key of that certificate (empty: in the certificate's file)",
            (o, v) => o with { Tls = o.Tls with { KeyPath = v.Length == 0 ? null : v } }) { Flag = new("--tls-key", "FILE") },
        new("Cluster:Port", "", "Akka.Remote port of this daemon in a cluster of hosts (empty: no cluster)",
            (o, v) => o with { Cluster = o.Cluster with { Port = v.Length == 0 ? null : Port(v) } }) { Flag = new("--cluster-port", "PORT") },
        new("Cluster:Address", "", "IPv4 address the cluster port is bound to and announced on (empty: BindAddress)",
            (o, v) => o with { Cluster = o.Cluster with { Address = v.Length == 0 ? null : Address(v) } }),
        new("Cluster:Seeds", "", "members to join, host:port separated by ',' (empty: start a new cluster)",
            (o, v) => o with { Cluster = o.Cluster with { Seeds = Seeds(v) } }) { Flag = new("--seed", "HOST:PORT"), List = true },
        new("Cluster:HostName", "", $"this host's name in the API, {HostNames.Rule} (empty: the machine's host name)",
            (o, v) => o with { Cluster = o.Cluster with { HostName = v.Length == 0 ? null : HostName(v) } }) { Flag = new("--host-name", "NAME") },
        new(ClusterCertificate.PathSetting, "", "PKCS#12 (.pfx) certificate with its private key for TLS between members (empty: plain TCP)",
            (o, v) => o with { Cluster = o.Cluster with { CertificatePath = v.Length == 0 ? null : v } }),
        new(ClusterCertificate.PasswordSetting, "", "the password of that file (empty: none)",
            (o, v) => o with { Cluster = o.Cluster with { CertificatePassword = v.Length == 0 ? null : v } }),
        new("Cluster:AllowInsecure", "false", "let members talk plain TCP over an address other than loopback",
            (o, v) => o with { Cluster = o.Cluster with { AllowInsecure = Boolean(v) } }) { Flag = new("--allow-insecure-cluster") },
        new("Limits:MaxApiConnections", "0", "REST API connections open at once (0: no limit)",
            (o, v) => o with { Limits = o.Limits with { MaxApiConnections = Integer(v, 0, 1_000_000) } }),
        new("Limits:KeepAliveTimeoutSeconds", "130", "how long an idle HTTP keep-alive connection stays open, in seconds",
            (o, v) => o with { Limits = o.Limits with { KeepAliveTimeout = Seconds(v, 86400) } }),
        new("Limits:RequestHeadersTimeoutSeconds", "10", "how long a client may take to send request headers, in seconds",
            (o, v) => o with { Limits = o.Limits with { RequestHeadersTimeout = Seconds(v, 3600) } }),
        new("Logging:Level", "Information", "least level logged: Verbose, Debug, Information, Warning, Error, Fatal",
            (o, v) => o with { Log = o.Log with { Level = Enum<LogEventLevel>(v) } }),
        new("Logging:Format", "text", "text (one line per event) or json (one JSON object per event)",
            (o, v) => o with { Log = o.Log with { Format = Enum<LogFormat>(v) } }),
        new("Logging:Console", "true", "write the log to standard error",
            (o, v) => o with { Log = o.Log with { Console = Boolean(v) } }),
        new("Logging:File:Path", "", "also write the log to this file, rolled as below (empty: no file)",
            (o, v) => o with { Log = o.Log with { FilePath = v.Length == 0 ? null : v } }),
        new("Logging:File:RollingInterval", "Day", "start a new file every Infinite, Year, Month, Day, Hour or Minute",
            (o, v) => o with { Log = o.Log with { FileRollingInterval = Enum<RollingInterval>(v) } }),
        new("Logging:File:RetainedCount", "31", "log files kept, the current one included",
            (o, v) => o with { Log = o.Log with { FileRetainedCount = Integer(v, 1, 100_000) } }),
        new("Logging:File:SizeLimitBytes", "104857600", "a file that reaches this size is closed and a new one started",
            (o, v) => o with { Log = o.Log with { FileSizeLimitBytes = Integer(v, 1024, long.MaxValue) } }),
    ];

    public static Setting? Find(string key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    public static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new SettingValueException("a port is an integer from 1 to 65535");

    public static TimeSpan Seconds(string text, double maximum) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= maximum
            ? TimeSpan.FromSeconds(s)
            : throw new SettingValueException($"seconds, more than 0, at most {maximum.ToString(CultureInfo.InvariantCulture)}");

    public static long Integer(string text, long minimum, long maximum) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum && n <= maximum
            ? n
            : throw new SettingValueException($"an integer from {minimum} to {maximum}");

    private static int Integer(string text, int minimum, int maximum) => (int)Integer(text, (long)minimum, maximum);

    public static bool Boolean(string text) => text.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new SettingValueException("true or false"),
    };

    private static string NonEmpty(string text) => text.Length > 0 ? text : throw new SettingValueException("a path, not empty");

    private static T Enum<T>(string text) where T : struct, Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !text.Any(char.IsAsciiDigit)
            ? value
            : throw new SettingValueException($"one of {string.Join(", ", System.Enum.GetNames<T>())}");

    /// <summary>Items <c>host:port</c> separated by <c>,</c>, each host an IPv4 address or a host name; empty: none.</summary>
    public static IReadOnlyList<string> Seeds(string text)
    {
        if (text.Length == 0) return [];
        var seeds = text.Split(',', StringSplitOptions.TrimEntries);
        foreach (var seed in seeds)
        {
            var colon = seed.LastIndexOf(':');
            var valid = colon > 0 && IsHost(seed[..colon])
                && int.TryParse(seed[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;
            if (!valid)
                throw new SettingValueException($"'{seed}' is not host:port (an IPv4 address or a host name, a port from 1 to 65535; seeds separated by ',')");
        }
        return seeds;
    }

    private static bool IsHost(string text) => IPAddress.TryParse(text, out var literal)
        ? literal.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3
        : Uri.CheckHostName(text) == UriHostNameType.Dns;

    public static string HostName(string text) => HostNames.IsValid(text) ? text : throw new SettingValueException(HostNames.Rule);

    /// <summary><c>localhost</c> is the IPv4 loopback; anything else an IPv4 literal or a host name with an IPv4 address.</summary>
    public static IPAddress Address(string text)
    {
        if (text == "localhost") return IPAddress.Loopback;
        if (IPAddress.TryParse(text, out var literal))
            return literal.AddressFamily == AddressFamily.InterNetwork ? literal : throw new SettingValueException("an IPv4 address (SPP processes connect over IPv4)");
        if (text.Length == 0 || Uri.CheckHostName(text) != UriHostNameType.Dns) throw new SettingValueException("localhost, an IPv4 address or a host name");
        try
        {
            return Dns.GetHostAddresses(text).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new SettingValueException($"no IPv4 address for '{text}'");
        }
        catch (SocketException)
        {
            throw new SettingValueException($"cannot resolve '{text}'");
        }
    }
}
