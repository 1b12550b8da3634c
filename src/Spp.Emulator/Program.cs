using System.Runtime.InteropServices;
using Spp.Emulator;
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

// A signal can still be delivered while the registrations are being disposed: completing twice is harmless.
var stopRequested = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var processes = arguments.Start();
await Task.WhenAny(stopRequested.Task, AllExitedAsync(processes));
foreach (var process in processes) await process.DisposeAsync();
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopRequested.TrySetResult();
}

static async Task AllExitedAsync(IReadOnlyList<EmulatedProcess> processes)
{
    while (!processes.All(p => p.HasExited)) await Task.Delay(TimeSpan.FromMilliseconds(200));
}
