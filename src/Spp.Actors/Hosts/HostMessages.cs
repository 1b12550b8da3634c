namespace Spp.Actors.Hosts;

/// <summary>A message that crosses from one host's daemon to another's; <see cref="HostMessageSerializer"/> writes it.</summary>
public interface IHostMessage;

/// <summary>
/// A request of the API that the host which received it validated and hands to the host that owns the process:
/// the route's table entry (<paramref name="Method"/> and <paramref name="Route"/> as in the plain <c>/v1</c> API),
/// its path parameters, body and the headers that matter, and the operator as identified where it came in.
/// </summary>
public sealed record HostCall(
    string Method,
    string Route,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string Operator) : IHostMessage;

/// <summary>What the owning host answered: the status, the body (JSON, or the error line), and the ETag if any.</summary>
public sealed record HostAnswer(int Status, byte[] Body, string? ETag) : IHostMessage;

/// <summary>The processes connected to <paramref name="Host"/>, as <c>primary</c>, <c>nfv:1</c>, ...; sent on every change.</summary>
public sealed record HostProcesses(string Host, IReadOnlyList<string> Processes) : IHostMessage;

/// <summary>One of <paramref name="Host"/>'s process events, as the JSON its <c>/v1/events</c> sends.</summary>
public sealed record HostEvent(string Host, string Kind, string Json) : IHostMessage;
