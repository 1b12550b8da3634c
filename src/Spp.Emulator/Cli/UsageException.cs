namespace Spp.Emulator.Cli;

/// <summary>Command-line arguments that cannot be used.</summary>
internal sealed class UsageException(string message) : Exception(message);
