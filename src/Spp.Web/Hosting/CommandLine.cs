using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Spp.Web.Hosting;

/// <summary>
/// Upstream spp-ctl's flags (<c>-b/--bind-addr</c>, <c>-p</c>, <c>-s</c>, <c>-a</c>) plus <c>--timeout</c>,
/// <c>--demo</c> and <c>--allow-anonymous</c>. A bad flag or value is an error with the usage text (exit status 2).
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        usage: spp-ctl [-h] [-b BIND_ADDR] [-p PRI_PORT] [-s SEC_PORT] [-a API_PORT] [--timeout SECONDS] [--demo]
                       [--allow-anonymous]

        SPP Controller

        options:
          -h, --help            show this help message and exit
          -b, --bind-addr BIND_ADDR
                                bind address, default=localhost
          -p PRI_PORT           primary port, default=5555
          -s SEC_PORT           secondary port, default=6666
          -a API_PORT           web api port, default=7777
          --timeout SECONDS     how long to wait for a process's reply to one command, default=10
          --demo                also start an emulated spp_primary and one emulated secondary of each type
          --allow-anonymous     serve the API on a non-loopback address without access tokens
        """;

    /// <summary>The options, or null when help was asked for.</summary>
    public static DaemonOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new DaemonOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, attached) = Split(args[i]);
            string Value() => attached ?? (i + 1 < args.Count ? args[++i] : throw new CommandLineException($"argument {flag}: expected one argument"));
            options = flag switch
            {
                "-h" or "--help" => null,
                "-b" or "--bind-addr" => options with { BindAddress = Address(Value()) },
                "-p" => options with { PrimaryPort = Port(flag, Value()) },
                "-s" => options with { SecondaryPort = Port(flag, Value()) },
                "-a" => options with { ApiPort = Port(flag, Value()) },
                "--timeout" => options with { CommandTimeout = Seconds(Value()) },
                "--demo" when attached is null => options with { Demo = true },
                "--allow-anonymous" when attached is null => options with { AllowAnonymous = true },
                _ => throw new CommandLineException($"unrecognized arguments: {args[i]}"),
            };
            if (options is null) return null;
        }
        return options;
    }

    private static (string Flag, string? Attached) Split(string arg)
    {
        if (arg.StartsWith("--"))
        {
            var eq = arg.IndexOf('=');
            return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
        }
        return arg.Length > 2 && arg[0] == '-' ? (arg[..2], arg[2..]) : (arg, null);
    }

    private static int Port(string flag, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new CommandLineException($"argument {flag}: invalid port value: '{text}'");

    private static TimeSpan Seconds(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 3600
            ? TimeSpan.FromSeconds(s)
            : throw new CommandLineException($"argument --timeout: invalid value: '{text}' (seconds, more than 0, at most 3600)");

    private static IPAddress Address(string text)
    {
        if (text == "localhost") return IPAddress.Loopback;
        if (IPAddress.TryParse(text, out var literal) && literal.AddressFamily == AddressFamily.InterNetwork) return literal;
        try
        {
            return Dns.GetHostAddresses(text).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new CommandLineException($"argument -b/--bind-addr: no IPv4 address for '{text}'");
        }
        catch (SocketException)
        {
            throw new CommandLineException($"argument -b/--bind-addr: cannot resolve '{text}'");
        }
    }
}

public sealed class CommandLineException(string message) : Exception(message);
