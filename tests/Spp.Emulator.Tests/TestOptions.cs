namespace Spp.Emulator.Tests;

internal static class TestOptions
{
    /// <summary>Default process set-up with short retry and exit delays.</summary>
    public static EmulatorOptions Fast { get; } = new()
    {
        RetryInterval = TimeSpan.FromMilliseconds(50),
        WorkerExitDelay = TimeSpan.FromMilliseconds(300),
    };

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>How long a test listens to be sure that nothing is sent.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(300);
}
