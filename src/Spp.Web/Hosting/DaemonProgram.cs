using System.Net.Sockets;

namespace Spp.Web.Hosting;

/// <summary>
/// The command: read the flags and the settings, check them all, start the daemon (and the demo processes), run
/// until stopped. Exit status 0 when stopped, 1 when a listener cannot be opened, 2 for a bad flag, 78 (EX_CONFIG)
/// for a bad setting or a host name another member of the cluster already holds.
/// </summary>
public static class DaemonProgram
{
    public const int CannotListen = 1;
    public const int BadFlag = 2;
    public const int BadConfiguration = 78;

    public static async Task<int> RunAsync(string[] args)
    {
        CommandLineArguments command;
        try
        {
            command = CommandLine.Read(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"{CommandLine.Usage}\nspp-ctl: error: {e.Message}");
            return BadFlag;
        }
        if (command.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        LoadedSettings loaded;
        try
        {
            loaded = SettingsLoader.Load(SettingsSources.OfProcess(command));
        }
        catch (ConfigurationException e)
        {
            foreach (var error in e.Errors) await Console.Error.WriteLineAsync($"spp-ctl: configuration error: {error}");
            return BadConfiguration;
        }
        foreach (var warning in loaded.Warnings) await Console.Error.WriteLineAsync($"spp-ctl: warning: {warning}");
        var options = loaded.Options;

        await using var log = Logging.Create(options.Log);
        Daemon daemon;
        try
        {
            daemon = await Daemon.StartAsync(options, log, loaded.Sections);
        }
        catch (ListenerException e)
        {
            await Console.Error.WriteLineAsync($"spp-ctl: error: {e.Message}");
            return CannotListen;
        }
        catch (StartRefusedException e)
        {
            await Console.Error.WriteLineAsync($"spp-ctl: error: {e.Message}");
            return 1;
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"spp-ctl: error: cannot listen on {options.BindAddress} ports {options.PrimaryPort}, {options.SecondaryPort}, {options.ApiPort}: {e.Message}");
            return CannotListen;
        }
        string? refusal;
        await using (daemon)
        {
            log.Information("spp-ctl listening on {Address}: primary {PrimaryPort}, secondary {SecondaryPort}, api {ApiPort} ({Scheme})",
                options.BindAddress, daemon.PrimaryPort, daemon.SecondaryPort, daemon.ApiPort, options.Tls.Enabled ? "https" : "http");
            await using var demo = options.Demo ? DemoProcesses.Start(options, daemon, log) : null;
            await daemon.WaitForShutdownAsync();
            refusal = daemon.ClusterRefusal;
        }
        if (refusal is null) return 0;
        await Console.Error.WriteLineAsync($"spp-ctl: error: {refusal}");
        return BadConfiguration;
    }
}
