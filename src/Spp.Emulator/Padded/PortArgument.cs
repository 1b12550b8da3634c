using Spp.Emulator.Wire;

namespace Spp.Emulator.Padded;

/// <summary>The UID argument of primary and nfv <c>add</c>/<c>del</c>, with the process' reaction to bad input.</summary>
internal static class PortArgument
{
    /// <summary>
    /// Reads the second token as a UID. On failure <paramref name="failure"/> is the process' reaction: a crash
    /// when the argument is missing or lacks a field, the echo and termination when it is malformed.
    /// </summary>
    public static bool TryRead(Request request, out PortUid uid, out Reply failure)
    {
        uid = new PortUid("", 0, 0);
        failure = Reply.Crash;
        if (request.Token(1) is not { } token) return false;
        switch (PaddedUidParser.Parse(token, out uid))
        {
            case UidOutcome.Parsed:
                return true;
            case UidOutcome.Malformed:
                failure = new Reply(Echo.WithUidColonCut(request), Fate.Exit);
                return false;
            default:
                return false;
        }
    }
}
