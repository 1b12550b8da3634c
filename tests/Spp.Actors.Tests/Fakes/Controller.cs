using Microsoft.Extensions.Logging.Abstractions;
using Spp.Actors.Messages;
using Spp.Protocol;

namespace Spp.Actors.Tests.Fakes;

/// <summary>
/// The registry with in-memory connections: <see cref="ConnectAsync"/> does what a connection handler does after
/// identification (admit the process actor, then run its loop) and returns the fake process at the other end.
/// </summary>
public sealed class Controller
{
    public static readonly ProcessId Nfv1 = new(ProcessType.Nfv, 1);
    public static readonly ProcessId Vf1 = new(ProcessType.Vf, 1);

    public Controller(ControllerSettings? settings = null)
    {
        Settings = settings ?? new ControllerSettings();
    }

    public ControllerSettings Settings { get; }

    public ProcessRegistry Registry { get; } = new(NullLogger<ProcessRegistry>.Instance);

    public Task<Connection> ConnectAsync(ProcessId id) => ConnectAsync(id, new FakeProcess(Settings));

    /// <summary>Admits a process already identified on <paramref name="process"/>'s line.</summary>
    public async Task<Connection> ConnectAsync(ProcessId id, FakeProcess process)
    {
        var actor = new ProcessActor(id, process.Line, Settings, NullLogger.Instance);
        await Registry.AdmitAsync(actor).WaitAsync(Within.Patience);
        return new Connection(process, actor, actor.RunAsync());
    }

    public Task<ProcessOutcome> AskAsync(ProcessId target, string command) =>
        Registry.AskAsync(new ProcessRequest(target, command));
}

/// <summary>One admitted process: the fake at the far end, its actor, and the actor's running loop.</summary>
public sealed record Connection(FakeProcess Process, ProcessActor Actor, Task Loop)
{
    /// <summary>Completes when the actor's loop has returned, i.e. the controller let go of the connection.</summary>
    public Task Ended => Loop.WaitAsync(Within.Patience);
}
