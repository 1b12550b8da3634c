using Spp.Protocol;

namespace Spp.Actors.Messages;

/// <summary>
/// Looks at a fresh <c>status</c> reply, inside the actor's turn, before the command is sent. Returns null to
/// let the command go, or a verdict that is handed back instead of sending it.
/// </summary>
public delegate object? StatusGate(byte[] statusReply);

/// <summary>
/// Ask a process to run one command; the answer is a <see cref="ProcessOutcome"/>. A request that was never sent
/// may be re-resolved and delivered to a newer connection of the same process.
/// </summary>
/// <param name="Target">Which process: the primary, or a secondary type and client id.</param>
/// <param name="Command">The exact command text.</param>
/// <param name="Gate">Optional check of a fresh status, run just before the command with nothing in between.</param>
/// <param name="Terminates">The command ends the process (<c>exit</c>): the connection closing counts as its reply.</param>
/// <param name="Cancellation">The asker gave up: skip the command if it has not been sent yet.</param>
/// <param name="Operator">Who asked (an operator name or a remote address), for the log line and the events.</param>
/// <param name="Deadline">The asker gives up at this <see cref="System.Diagnostics.Stopwatch"/> timestamp: skip the command if it has not been sent by then.</param>
public sealed record ProcessRequest(
    ProcessId Target,
    string Command,
    StatusGate? Gate = null,
    bool Terminates = false,
    CancellationToken Cancellation = default,
    string? Operator = null,
    long Deadline = long.MaxValue)
{
    /// <summary>Nobody waits for the answer any more: the command must not be sent.</summary>
    public bool Abandoned => Cancellation.IsCancellationRequested || System.Diagnostics.Stopwatch.GetTimestamp() > Deadline;
}
