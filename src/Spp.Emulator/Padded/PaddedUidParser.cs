using Spp.Emulator.Wire;

namespace Spp.Emulator.Padded;

/// <summary>Outcome of parsing a UID the way primary and nfv do.</summary>
internal enum UidOutcome
{
    Parsed,
    /// <summary>No colon or a bad number: the process echoes the request and terminates.</summary>
    Malformed,
    /// <summary><c>TYPE:</c> or a leading colon: the process dereferences a null token and crashes.</summary>
    Crash,
}

/// <summary>The resource UID parser shared by primary and nfv (base-10 id, optional <c>nq</c> on any type).</summary>
internal static class PaddedUidParser
{
    public static UidOutcome Parse(string token, out PortUid uid)
    {
        uid = new PortUid("", 0, 0);
        if (!token.Contains(':')) return UidOutcome.Malformed;
        // strtok(":") skips empty fields, so "ring::1" reads as ring 1 and ":1" or "ring:" lack a field.
        var fields = token.Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2 || token.StartsWith(':')) return UidOutcome.Crash;
        var number = fields[1];
        var consumed = CNumber.Read(number, 0, 10, out var id);
        if (consumed == 0) return UidOutcome.Malformed;
        var rest = number[consumed..];
        long queue = 0;
        if (rest.Length > 0)
        {
            if (!rest.StartsWith("nq", StringComparison.Ordinal)) return UidOutcome.Malformed;
            var queueText = rest[2..];
            if (queueText.Length > 0 && !CNumber.TryParseWhole(queueText, 10, out queue)) return UidOutcome.Malformed;
        }
        uid = new PortUid(fields[0], Clamp(id), Clamp(queue));
        return UidOutcome.Parsed;
    }

    private static int Clamp(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
