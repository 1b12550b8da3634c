using System.Net;
using System.Text;
using Akka.Actor;
using Akka.Streams;
using Akka.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Spp.Actors.Connections;
using Spp.Actors.Dispatch;
using Spp.Actors.Events;
using Spp.Actors.Messages;
using Spp.Protocol;

namespace Spp.Actors.Tests.Fakes;

/// <summary>
/// The registry actor in the test's actor system, with both SPP ports bound on loopback: fake processes connect
/// over real sockets, and test probes ask as the HTTP handlers do. Process actors run on the daemon's own dispatcher.
/// </summary>
public abstract class ControllerTest(ControllerSettings? settings = null)
    : Akka.TestKit.Xunit2.TestKit("akka.loglevel = WARNING\n" + ProcessDispatcher.Hocon), IAsyncLifetime
{
    public static readonly ProcessId Nfv1 = new(ProcessType.Nfv, 1);
    public static readonly ProcessId Vf1 = new(ProcessType.Vf, 1);

    private readonly List<FakeProcess> processes = [];
    private int primaryPort;
    private int secondaryPort;

    protected ControllerSettings Settings { get; } = settings ?? new ControllerSettings();

    protected ProcessDirectory Directory { get; } = new();

    protected ProcessEvents Events { get; } = new();

    protected IActorRef Registry { get; private set; } = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        var setup = new ProcessSetup(Settings, Events, null, NullLoggerFactory.Instance, Sys.Materializer());
        var limiter = new ConnectionLimiter(Settings, NullLogger<ConnectionLimiter>.Instance);
        Registry = Sys.ActorOf(ProcessRegistry.Props(setup, limiter, Directory), "processes");
        primaryPort = (await SppListener.BindAsync(Sys, Registry, SppPort.Primary, IPAddress.Loopback, 0)).Port;
        secondaryPort = (await SppListener.BindAsync(Sys, Registry, SppPort.Secondary, IPAddress.Loopback, 0)).Port;
    }

    public Task DisposeAsync()
    {
        foreach (var process in processes) process.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A process connects and, for a secondary, answers <c>_get_client_id</c>; returns once it is registered.</summary>
    protected async Task<Connection> ConnectAsync(ProcessId id, byte[]? identification = null)
    {
        var before = Directory.Snapshot.Occupant(id)?.Actor;
        var process = await NewcomerAsync(id.IsPrimary ? SppPort.Primary : SppPort.Secondary);
        if (!id.IsPrimary)
        {
            Assert.Equal("_get_client_id", await process.NextCommandAsync());
            await process.SendAsync(identification ?? FakeProcess.IdentificationReply(id));
        }
        IActorRef? actor = null;
        await AwaitAssertAsync(() =>
        {
            actor = Directory.Snapshot.Find(id)?.Actor;
            Assert.NotNull(actor);
            Assert.NotEqual(before, actor);
        });
        return new Connection(process, actor!);
    }

    /// <summary>A connection to <paramref name="port"/> that has not said anything yet.</summary>
    protected async Task<FakeProcess> NewcomerAsync(SppPort port)
    {
        var process = await FakeProcess.ConnectAsync(port == SppPort.Primary ? primaryPort : secondaryPort);
        lock (processes) processes.Add(process);
        return process;
    }

    /// <summary>Asks as an HTTP handler does; the returned probe receives the answer.</summary>
    protected TestProbe Ask(ProcessRequest request)
    {
        var asker = CreateTestProbe();
        Registry.Tell(request, asker.Ref);
        return asker;
    }

    protected TestProbe Ask(ProcessId target, string command) => Ask(new ProcessRequest(target, command));

    /// <summary>The connection is let go: the process sees it closed with nothing more written, and its actor stops.</summary>
    protected async Task EndedAsync(Connection connection)
    {
        Watch(connection.Actor);
        Assert.Equal("", await connection.Process.ClosedByControllerAsync());
        await ExpectTerminatedAsync(connection.Actor);
    }

    protected Task DeregisteredAsync(ProcessId id) => AwaitAssertAsync(() => Assert.Null(Directory.Snapshot.Find(id)));

    /// <summary>The process replied with exactly <paramref name="reply"/> (the text of a padded block, without NULs).</summary>
    protected static async Task<ProcessOutcome.Replied> ExpectRepliedAsync(TestProbe asker, string reply)
    {
        var replied = await asker.ExpectMsgAsync<ProcessOutcome.Replied>();
        Assert.Equal(reply, Encoding.ASCII.GetString(replied.Reply));
        return replied;
    }

    protected static async Task ExpectFailedAsync(TestProbe asker, LineFailure failure) =>
        await asker.ExpectMsgAsync(new ProcessOutcome.Failed(failure));

    protected static async Task ExpectGoneAsync(TestProbe asker) => await asker.ExpectMsgAsync<ProcessOutcome.Gone>();

    /// <summary>The events published since <paramref name="events"/> subscribed, and not read yet.</summary>
    protected static List<ProcessEvent> Published(EventSubscription events)
    {
        var published = new List<ProcessEvent>();
        while (events.Reader.TryRead(out var e)) published.Add(e);
        return published;
    }
}

/// <summary>A registered process: the fake at the far end and the actor that owns its connection.</summary>
public sealed record Connection(FakeProcess Process, IActorRef Actor);
