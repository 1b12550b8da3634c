using System.Net.Sockets;

namespace Spp.Web.Hosting;

/// <summary>The command: parse the flags, start the daemon (and the demo processes), run until stopped.</summary>
public static class DaemonProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        DaemonOptions? options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"{CommandLine.Usage}\nspp-ctl: error: {e.Message}");
            return 2;
        }
        if (options is null)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        var log = Logging.Console();
        Daemon daemon;
        try
        {
            daemon = await Daemon.StartAsync(options, log);
        }
        catch (StartRefusedException e)
        {
            await Console.Error.WriteLineAsync($"spp-ctl: error: {e.Message}");
            return 1;
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"spp-ctl: error: cannot listen on {options.BindAddress} ports {options.PrimaryPort}, {options.SecondaryPort}, {options.ApiPort}: {e.Message}");
            return 1;
        }
        await using (daemon)
        {
            log.Information("spp-ctl listening on {Address}: primary {PrimaryPort}, secondary {SecondaryPort}, api {ApiPort}",
                options.BindAddress, daemon.PrimaryPort, daemon.SecondaryPort, daemon.ApiPort);
            await using var demo = options.Demo ? DemoProcesses.Start(options, daemon, log) : null;
            await daemon.WaitForShutdownAsync();
        }
        return 0;
    }
}
