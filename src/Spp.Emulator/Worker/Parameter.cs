using Spp.Emulator.Wire;

namespace Spp.Emulator.Worker;

/// <summary>Numeric parameters of worker-family commands.</summary>
internal static class Parameter
{
    /// <summary>A whole-token C number (base 0) within min..max, else <c>Invalid value (NAME)</c>.</summary>
    public static int Number(string token, int min, int max, string name) =>
        CNumber.TryParseInRange(token, 0, min, max, out var value) ? value : throw CommandError.InvalidValue(name);
}
