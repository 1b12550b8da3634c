using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Serilog.Events;
using Spp.Web.Hosting;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>
/// Settings: defaults &lt; appsettings.json &lt; --config FILE &lt; SPPCTL_ environment &lt; flags; every bad value is
/// refused before anything listens, with the key, the value and its source.
/// </summary>
public sealed class ConfigurationTests : SettingsTest
{
    [Fact]
    public void Without_any_source_the_options_are_the_defaults() =>
        Assert.Equal(new DaemonOptions(), Load().Options);

    [Fact]
    public void The_shipped_appsettings_json_holds_the_defaults()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, SettingsLoader.FileName);
        File.Copy(shipped, Path.Combine(Folder, SettingsLoader.FileName));
        var loaded = Load();
        Assert.Equal(new DaemonOptions(), loaded.Options);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void Each_source_overrides_the_ones_before_it()
    {
        WriteFile("appsettings.json", """{"ApiPort": 1001, "PrimaryPort": 1002, "SecondaryPort": 1003, "CommandTimeoutSeconds": 3, "IdentificationTimeoutSeconds": 4}""");
        var config = WriteFile("site.json", """{"PrimaryPort": 2002, "SecondaryPort": 2003, "CommandTimeoutSeconds": 7}""");
        var options = Load(new() { ["SPPCTL_SecondaryPort"] = "3003", ["SPPCTL_CommandTimeoutSeconds"] = "8" },
            "--config", config, "-a", "4001", "--timeout", "9").Options;
        Assert.Equal(4001, options.ApiPort);                                 // flag over everything
        Assert.Equal(TimeSpan.FromSeconds(9), options.CommandTimeout);       // flag over environment
        Assert.Equal(3003, options.SecondaryPort);                           // environment over --config
        Assert.Equal(2002, options.PrimaryPort);                             // --config over appsettings.json
        Assert.Equal(TimeSpan.FromSeconds(4), options.IdentificationTimeout); // appsettings.json over the default
    }

    [Fact]
    public void Environment_variables_name_sections_with_double_underscores_in_any_case()
    {
        var options = Load(new()
        {
            ["SPPCTL_Logging__Format"] = "json",
            ["SPPCTL_LOGGING__FILE__PATH"] = "/var/log/spp-ctl/spp-ctl.log",
            ["sppctl_limits__maxapiconnections"] = "64",
            ["SPPCTL_Demo"] = "True",
            ["OTHER_ApiPort"] = "1",
        }).Options;
        Assert.Equal(LogFormat.Json, options.Log.Format);
        Assert.Equal("/var/log/spp-ctl/spp-ctl.log", options.Log.FilePath);
        Assert.Equal(64, options.Limits.MaxApiConnections);
        Assert.True(options.Demo);
        Assert.Equal(7777, options.ApiPort);
    }

    [Fact]
    public void Sections_in_a_file_set_nested_keys()
    {
        WriteFile("appsettings.json", """
            {"BindAddress": "0.0.0.0", "Limits": {"KeepAliveTimeoutSeconds": 5},
             "Logging": {"Level": "debug", "Console": false, "File": {"Path": "x.log", "RollingInterval": "Hour", "RetainedCount": 3, "SizeLimitBytes": 2048}}}
            """);
        var options = Load().Options;
        Assert.Equal(IPAddress.Any, options.BindAddress);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Limits.KeepAliveTimeout);
        Assert.Equal(new LogSettings
        {
            Level = LogEventLevel.Debug, Console = false, FilePath = "x.log", FileRollingInterval = Serilog.RollingInterval.Hour,
            FileRetainedCount = 3, FileSizeLimitBytes = 2048,
        }, options.Log);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_naming_it_and_its_source()
    {
        WriteFile("appsettings.json", """{"ApiPrt": 7000}""");
        var loaded = Load(new() { ["SPPCTL_Logging__Colour"] = "red" });
        Assert.Equal(
        [
            $"ApiPrt: unknown setting ignored ({Path.Combine(Folder, "appsettings.json")})",
            "Logging:Colour: unknown setting ignored (environment variable SPPCTL_Logging__Colour)",
        ], loaded.Warnings);
    }

    public static readonly TheoryData<string, string, string> BadValues = new()
    {
        { "BindAddress", "::1", "an IPv4 address (SPP processes connect over IPv4)" },
        { "PrimaryPort", "0", "a port is an integer from 1 to 65535" },
        { "SecondaryPort", "x", "a port is an integer from 1 to 65535" },
        { "ApiPort", "70000", "a port is an integer from 1 to 65535" },
        { "CommandTimeoutSeconds", "0", "seconds, more than 0, at most 3600" },
        { "IdentificationTimeoutSeconds", "-1", "seconds, more than 0, at most 3600" },
        { "Demo", "yes", "true or false" },
        { "AllowAnonymous", "maybe", "true or false" },
        { "SysfsRoot", "", "a path, not empty" },
        { "Limits:MaxApiConnections", "-1", "an integer from 0 to 1000000" },
        { "Limits:KeepAliveTimeoutSeconds", "0", "seconds, more than 0, at most 86400" },
        { "Limits:RequestHeadersTimeoutSeconds", "abc", "seconds, more than 0, at most 3600" },
        { "Logging:Level", "Loud", "one of Verbose, Debug, Information, Warning, Error, Fatal" },
        { "Logging:Format", "xml", "one of Text, Json" },
        { "Logging:Console", "1", "true or false" },
        { "Logging:File:RollingInterval", "Weekly", "one of Infinite, Year, Month, Day, Hour, Minute" },
        { "Logging:File:RetainedCount", "0", "an integer from 1 to 100000" },
        { "Logging:File:SizeLimitBytes", "10", "an integer from 1024 to 9223372036854775807" },
        { "Tls:CertificatePath", "/nonexistent/api.pem", "cannot read the file: Could not find a part of the path '/nonexistent/api.pem'." },
        { "Tls:KeyPath", "/nonexistent/api.key", "a key file needs a certificate file (Tls:CertificatePath)" },
        { "Cluster:Port", "0", "a port is an integer from 1 to 65535" },
        { "Cluster:Address", "::1", "an IPv4 address (SPP processes connect over IPv4)" },
        { "Cluster:Seeds", "10.0.0.1", "'10.0.0.1' is not host:port (an IPv4 address or a host name, a port from 1 to 65535; seeds separated by ',')" },
        { "Cluster:HostName", "spp_1", "1 to 63 characters of a-z, 0-9 and -" },
        { "Cluster:Certificate:Path", "/nonexistent/cluster.pfx", "file not found" },
        { "Cluster:AllowInsecure", "maybe", "true or false" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_naming_the_key_the_value_and_the_environment_variable(string key, string value, string reason)
    {
        var variable = "SPPCTL_" + key.Replace(":", "__");
        Assert.Equal([$"{key}: invalid value '{value}' (environment variable {variable}): {reason}"], Errors(new() { [variable] = value }));
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_in_a_file_names_the_file(string key, string value, string reason)
    {
        var parts = key.Split(':');
        var json = string.Concat(parts.Select(p => $"{{\"{p}\": ")) + System.Text.Json.JsonSerializer.Serialize(value) + new string('}', parts.Length);
        var path = WriteFile("site.json", json);
        Assert.Equal([$"{key}: invalid value '{value}' ({path}): {reason}"], Errors(null, "--config", path));
    }

    [Fact]
    public void Every_setting_that_can_be_wrong_has_a_bad_value_test()
    {
        var tested = BadValues.Select(row => (string)row[0]).ToHashSet();
        // A password's problems are shown without the password (ClusterSettingsTests).
        var untested = SettingsCatalog.All.Select(s => s.Key).Where(k => !tested.Contains(k) && k is not ("Logging:File:Path" or "Cluster:Certificate:Password"));
        Assert.Empty(untested);
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_is_refused() =>
        Assert.Equal(["BindAddress: invalid value 'no-such-host.invalid' (environment variable SPPCTL_BindAddress): cannot resolve 'no-such-host.invalid'"],
            Errors(new() { ["SPPCTL_BindAddress"] = "no-such-host.invalid" }));

    [Fact]
    public void Listeners_on_one_port_are_refused() =>
        Assert.Equal(["PrimaryPort and ApiPort are both 5555: each listener needs its own port"], Errors(new() { ["SPPCTL_ApiPort"] = "5555" }));

    [Fact]
    public void All_errors_are_reported_together()
    {
        var errors = Errors(new() { ["SPPCTL_ApiPort"] = "0", ["SPPCTL_Logging__Format"] = "xml" });
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("ApiPort: ", errors[0]);
        Assert.StartsWith("Logging:Format: ", errors[1]);
    }

    [Fact]
    public void A_settings_file_that_is_not_json_is_refused_naming_it()
    {
        var path = WriteFile("broken.json", "{ ApiPort: ");
        var error = Assert.Single(Errors(null, "--config", path));
        Assert.StartsWith($"{path}: cannot be read as JSON settings: ", error);
    }

    [Fact]
    public void The_upstream_flags_keep_their_meaning()
    {
        var options = CommandLine.Parse(["-b", "127.0.0.1", "-p", "5556", "-s6667", "-a", "7778", "--timeout=2.5", "--demo"])!;
        Assert.Equal(IPAddress.Loopback, options.BindAddress);
        Assert.Equal((5556, 6667, 7778), (options.PrimaryPort, options.SecondaryPort, options.ApiPort));
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.CommandTimeout);
        Assert.True(options.Demo);
        Assert.Equal(IPAddress.Loopback, CommandLine.Parse(["--bind-addr", "localhost"])!.BindAddress);
        Assert.Null(CommandLine.Parse(["-p", "5556", "--help"]));
    }

    [Theory]
    [InlineData("unrecognized arguments: --bogus", "--bogus")]
    [InlineData("unrecognized arguments: --demo=1", "--demo=1")]
    [InlineData("argument -p: expected one argument", "-p")]
    [InlineData("argument -p: invalid value: '0' (a port is an integer from 1 to 65535)", "-p", "0")]
    [InlineData("argument -s: invalid value: '65536' (a port is an integer from 1 to 65535)", "-s", "65536")]
    [InlineData("argument -a: invalid value: 'http' (a port is an integer from 1 to 65535)", "-a", "http")]
    [InlineData("argument --timeout: invalid value: '0' (seconds, more than 0, at most 3600)", "--timeout", "0")]
    [InlineData("argument -b/--bind-addr: invalid value: '::1' (an IPv4 address (SPP processes connect over IPv4))", "-b", "::1")]
    [InlineData("argument --config: file not found: '/nonexistent/spp-ctl.json'", "--config", "/nonexistent/spp-ctl.json")]
    [InlineData("argument -b/--bind-addr: expected one argument", "--bind-addr")]
    [InlineData("argument -p: invalid value: '0' (a port is an integer from 1 to 65535)", "-p", "0", "-p", "5556")]
    [InlineData("unrecognized arguments: 1", "--demo", "1")]
    [InlineData("unrecognized arguments: -?", "-?")]
    [InlineData("unrecognized arguments: --version", "--version")]
    [InlineData("unrecognized arguments: @flags.txt", "@flags.txt")]
    [InlineData("unrecognized arguments: [diagram]", "[diagram]", "-p", "5556")]
    public void A_bad_flag_is_refused_with_its_reason(string message, params string[] args) =>
        Assert.Equal(message, Assert.Throws<CommandLineException>(() => CommandLine.Read(args)).Message);

    [Fact]
    public void A_flag_given_twice_takes_its_last_value()
    {
        Assert.Equal(5557, CommandLine.Parse(["-p", "5556", "-p5557"])!.PrimaryPort);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), CommandLine.Parse(["-b", "127.0.0.1", "--bind-addr=127.0.0.2"])!.BindAddress);
    }

    [Fact]
    public void Help_lists_every_flag_and_every_setting_with_its_default()
    {
        foreach (var flag in new[] { "-b, --bind-addr", "-p PRI_PORT", "-s SEC_PORT", "-a API_PORT", "--timeout SECONDS", "--demo", "--config FILE" })
            Assert.Contains(flag, CommandLine.Usage);
        foreach (var setting in SettingsCatalog.All)
            Assert.Matches($@"\n  {System.Text.RegularExpressions.Regex.Escape(setting.Key)} +{System.Text.RegularExpressions.Regex.Escape(setting.Default.Length == 0 ? "\"\"" : setting.Default)} ", CommandLine.Usage);
    }

    [Fact]
    public void The_defaults_in_help_are_the_defaults_applied()
    {
        var fromDefaults = SettingsCatalog.All.Aggregate(new DaemonOptions(), (options, setting) => setting.Apply(options, setting.Default.Length == 0 && setting.Key == "Logging:File:Path" ? "" : setting.Default));
        Assert.Equal(new DaemonOptions(), fromDefaults);
    }

    [Fact]
    public async Task A_port_in_use_fails_before_the_host_starts_naming_the_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var error = await Assert.ThrowsAsync<ListenerException>(() =>
            Daemon.StartAsync(new DaemonOptions { PrimaryPort = 0, SecondaryPort = port, ApiPort = 0 }, Serilog.Core.Logger.None));
        Assert.Equal(port, error.Port);
        Assert.Equal($"cannot listen on 127.0.0.1:{port} for the secondary port: address already in use", error.Message);
    }

    [Fact]
    public async Task The_program_exits_2_with_usage_on_a_bad_flag()
    {
        var (status, _, error) = await RunProgramAsync([], "-p", "99999");
        Assert.Equal(2, status);
        Assert.StartsWith("usage: spp-ctl", error);
        Assert.EndsWith("spp-ctl: error: argument -p: invalid value: '99999' (a port is an integer from 1 to 65535)\n", error);
    }

    [Fact]
    public async Task The_program_exits_78_on_a_bad_setting_and_1_on_a_port_in_use()
    {
        var (status, _, error) = await RunProgramAsync(new() { ["SPPCTL_Logging__Level"] = "Loud" });
        Assert.Equal(78, status);
        Assert.Equal("spp-ctl: configuration error: Logging:Level: invalid value 'Loud' (environment variable SPPCTL_Logging__Level): one of Verbose, Debug, Information, Warning, Error, Fatal\n", error);

        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        (status, _, error) = await RunProgramAsync([], "-a", port.ToString(), "-p", FreePort().ToString(), "-s", FreePort().ToString());
        Assert.Equal(1, status);
        Assert.Contains($"127.0.0.1:{port} for the REST API port: address already in use", error);
    }

    [Fact]
    public async Task The_program_exits_78_when_cluster_members_would_talk_in_clear_text()
    {
        var (status, _, error) = await RunProgramAsync(new() { ["SPPCTL_Cluster__Address"] = "10.0.0.5" }, "--cluster-port", "30911");
        Assert.Equal(78, status);
        Assert.Equal("spp-ctl: configuration error: Cluster:Certificate:Path: the cluster port listens on 10.0.0.5, where members would talk "
            + "in clear text; give a certificate or --allow-insecure-cluster (Cluster:AllowInsecure)\n", error);
    }

    [Fact]
    public async Task The_program_prints_help_and_exits_0()
    {
        var (status, output, _) = await RunProgramAsync([], "--help");
        Assert.Equal(0, status);
        Assert.Contains("Logging:File:Path", output);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Runs the built spp-ctl (spp-ctl.dll beside the tests) to its exit.</summary>
    private static async Task<(int Status, string Output, string Error)> RunProgramAsync(Dictionary<string, string> environment, params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spp-ctl.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
