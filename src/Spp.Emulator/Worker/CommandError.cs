namespace Spp.Emulator.Worker;

/// <summary>A worker-family command that is answered with an error reply carrying <see cref="Exception.Message"/>.</summary>
internal sealed class CommandError(string message) : Exception(message)
{
    public static CommandError WrongFormat() => new("Wrong message format");

    /// <summary>A parameter failed validation; <paramref name="parameter"/> is its name, e.g. <c>port rxtx</c>.</summary>
    public static CommandError InvalidValue(string parameter) => new($"Invalid value ({parameter})");

    /// <summary>The command parsed but its execution failed.</summary>
    public static CommandError ErrorOccur() => new("error occur");
}
