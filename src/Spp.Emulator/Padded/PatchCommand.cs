using Spp.Emulator.Wire;

namespace Spp.Emulator.Padded;

/// <summary><c>patch SRC DST</c> and <c>patch reset</c> of primary and nfv.</summary>
internal static class PatchCommand
{
    /// <param name="replyName">How the reply names an argument: the token and its parsed UID (null if unparsable).</param>
    public static Reply Handle(Request request, PortTable ports, Func<string, PortUid?, string> replyName)
    {
        if (request.Token(1) is not { } source) return new Reply(Echo.Of(request), Fate.Continue);
        // Only the first five characters are compared: "patch resetXYZ" resets too.
        if (source.StartsWith("reset", StringComparison.Ordinal))
        {
            ports.ResetPatches();
            return new Reply(Echo.Of(request), Fate.Continue);
        }
        if (request.Token(2) is not { } destination) return new Reply(Echo.Of(request), Fate.Continue);
        var sourceUid = Parse(source);
        var destinationUid = Parse(destination);
        var from = sourceUid is null ? null : ports.Resolve(sourceUid);
        var to = destinationUid is null ? null : ports.Resolve(destinationUid);
        if (from is { } f && to is { } t) ports.Patch(f, t);
        var succeeded = from is not null && to is not null;
        return Reply.Text(PaddedReplies.Patch(succeeded, replyName(source, sourceUid), replyName(destination, destinationUid)));
    }

    private static PortUid? Parse(string token) =>
        PaddedUidParser.Parse(token, out var uid) == UidOutcome.Parsed ? uid : null;
}
