using Spp.Actors.Messages;

namespace Spp.Actors.Connections;

/// <summary>The end of one exchange on a process line: a reply, or why there is none.</summary>
public readonly record struct LineResult(byte[]? Reply, LineFailure? Failure, string? Violation = null)
{
    public static LineResult Of(byte[] reply) => new(reply, null);

    public static LineResult Fail(LineFailure failure, string? violation = null) => new(null, failure, violation);

    public bool Succeeded => Reply is not null;
}
