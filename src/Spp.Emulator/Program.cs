using System.Runtime.InteropServices;
using Spp.Emulator.Cli;

EmulatorArguments arguments;
try
{
    arguments = CommandLine.Parse(args);
}
catch (UsageException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.Write(CommandLine.Usage);
    return 2;
}
if (arguments.ShowHelp)
{
    Console.Write(CommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var processes = arguments.Start();
try
{
    while (!processes.All(p => p.HasExited)) await Task.Delay(TimeSpan.FromMilliseconds(200), stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl-C or SIGTERM.
}
foreach (var process in processes) await process.DisposeAsync();
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
