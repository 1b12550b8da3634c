using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;
using Spp.Actors.Events;

namespace Spp.Actors.Hosts;

/// <summary>
/// <c>/user/hosts</c> on every member: follows the cluster's membership and reachability, learns each host's name
/// from its member role (<c>host-NAME</c>) and its processes from what that host reports, and publishes a
/// <see cref="HostsSnapshot"/>. Runs the calls other hosts forward to this one. A member that finds its name held
/// by an older member leaves the cluster and says why. Sends this host's own process events, as they come from
/// this daemon, to the other members, and publishes theirs into the local hub as <see cref="ProcessEvent.OnHost"/>.
/// </summary>
public sealed class HostsActor : ReceiveActor
{
    public const string Name = "hosts";
    public const string RolePrefix = "host-";

    private sealed record ProcessesChanged
    {
        public static readonly ProcessesChanged Instance = new();
    }

    private sealed class Tracked(Member member, string name)
    {
        public Member Member { get; set; } = member;
        public string Name { get; } = name;
        public HostStatus Status { get; set; } = HostStatus.Up;
        public CancellationTokenSource Lost { get; set; } = new();
    }

    private readonly HostDirectory directory;
    private readonly ProcessDirectory processes;
    private readonly ProcessEvents events;
    private readonly Akka.Cluster.Cluster cluster;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<UniqueAddress, Tracked> members = [];
    private readonly Dictionary<string, ImmutableArray<string>> reported = [];
    private Action<RegistrySnapshot>? listener;

    public HostsActor(HostDirectory directory, ProcessDirectory processes, ProcessEvents events, IHostCallHandler handler)
    {
        this.directory = directory;
        this.processes = processes;
        this.events = events;
        cluster = Akka.Cluster.Cluster.Get(Context.System);

        Receive<HostCall>(call => handler.RunAsync(call).PipeTo(Sender,
            failure: e => new HostAnswer(500, System.Text.Encoding.UTF8.GetBytes($"host {directory.Self} failed: {e.Message}"), null)));
        Receive<HostProcesses>(OnReported);
        Receive<HostEvent>(OnEvent);
        Receive<ProcessesChanged>(_ => Broadcast());
        Receive<ClusterEvent.MemberUp>(up => OnUp(up.Member));
        Receive<ClusterEvent.UnreachableMember>(m => OnReachability(m.Member, HostStatus.Unreachable));
        Receive<ClusterEvent.ReachableMember>(m => OnReachability(m.Member, HostStatus.Up));
        Receive<ClusterEvent.MemberLeft>(m => OnReachability(m.Member, HostStatus.Leaving));
        Receive<ClusterEvent.MemberExited>(m => OnReachability(m.Member, HostStatus.Leaving));
        Receive<ClusterEvent.MemberRemoved>(m => OnRemoved(m.Member));
        Receive<DisassociatedEvent>(OnDisassociated);
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }

    public static Props Props(HostDirectory directory, ProcessDirectory processes, ProcessEvents events, IHostCallHandler handler) =>
        Akka.Actor.Props.Create(() => new HostsActor(directory, processes, events, handler));

    /// <summary>The host name a member carries in its roles, if any.</summary>
    public static string? NameOf(Member member) =>
        member.Roles.FirstOrDefault(r => r.StartsWith(RolePrefix, StringComparison.Ordinal))?[RolePrefix.Length..];

    protected override void PreStart()
    {
        var self = Self;
        listener = _ => self.Tell(ProcessesChanged.Instance);
        processes.Published += listener;
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Context.System.EventStream.Subscribe<DisassociatedEvent>(Self);
        Publish();
    }

    protected override void PostStop()
    {
        processes.Published -= listener;
        cluster.Unsubscribe(Self);
        Context.System.EventStream.Unsubscribe(Self);
        foreach (var member in members.Values) member.Lost.Cancel();
    }

    private void OnUp(Member member)
    {
        if (member.UniqueAddress.Equals(cluster.SelfUniqueAddress) || NameOf(member) is not { } name) return;
        // An unreachable holder of a name is taken to be that host's previous run, which a restart replaces.
        if (name == directory.Self)
        {
            if (member.IsOlderThan(cluster.SelfMember) && !cluster.State.Unreachable.Contains(member)) Refuse(member);
            else log.Warning("Another member at {0} holds this host's name {1}; it is not served", member.Address, name);
            return;
        }
        if (members.Values.FirstOrDefault(t => t.Name == name) is { } holder)
        {
            if (holder.Member.IsOlderThan(member) && holder.Status != HostStatus.Unreachable)
            {
                log.Warning("A newer member at {0} asked for the name {1} of {2}; it is not served", member.Address, name, holder.Member.Address);
                return;
            }
            members.Remove(holder.Member.UniqueAddress);
            holder.Lost.Cancel();
        }
        members[member.UniqueAddress] = new Tracked(member, name);
        log.Info("Host {0} up at {1}", name, Endpoint(member.Address));
        events.Publish(new ProcessEvent.HostUp(name, Endpoint(member.Address)));
        HostsOf(member.Address).Tell(Own());
        Publish();
    }

    private void OnReachability(Member member, HostStatus status)
    {
        if (!members.TryGetValue(member.UniqueAddress, out var tracked) || tracked.Status == status) return;
        var was = tracked.Status;
        tracked.Member = member;
        tracked.Status = status;
        if (status == HostStatus.Unreachable)
        {
            tracked.Lost.Cancel();
            log.Warning("Host {0} unreachable", tracked.Name);
            events.Publish(new ProcessEvent.HostUnreachable(tracked.Name, Endpoint(member.Address)));
        }
        else if (status == HostStatus.Up && was == HostStatus.Unreachable)
        {
            tracked.Lost = new CancellationTokenSource();
            log.Info("Host {0} reachable again", tracked.Name);
            events.Publish(new ProcessEvent.HostUp(tracked.Name, Endpoint(member.Address)));
        }
        Publish();
    }

    private void OnRemoved(Member member)
    {
        if (!members.Remove(member.UniqueAddress, out var tracked)) return;
        tracked.Lost.Cancel();
        reported.Remove(tracked.Name);
        log.Info("Host {0} left", tracked.Name);
        events.Publish(new ProcessEvent.HostLeft(tracked.Name, Endpoint(member.Address)));
        Publish();
    }

    /// <summary>The connection to a host broke: nothing sent to it can be answered any more, so its waiters end now.</summary>
    private void OnDisassociated(DisassociatedEvent lost)
    {
        foreach (var tracked in members.Values.Where(t => t.Member.Address.Equals(lost.RemoteAddress)))
        {
            tracked.Lost.Cancel();
            if (tracked.Status != HostStatus.Unreachable) tracked.Lost = new CancellationTokenSource();
        }
        Publish();
    }

    private void OnReported(HostProcesses report)
    {
        reported[report.Host] = [.. report.Processes];
        Publish();
    }

    /// <summary>
    /// An event of this host's, from this daemon: on to every other member, as <see cref="Broadcast"/> does with the
    /// processes. One from another member: into the local hub, for the streams that follow every host.
    /// </summary>
    private void OnEvent(HostEvent e)
    {
        if (Sender.Path.Address.HasLocalScope)
        {
            if (e.Host != directory.Self) return;
            foreach (var tracked in members.Values) HostsOf(tracked.Member.Address).Tell(e);
        }
        else if (e.Host != directory.Self)
        {
            events.Publish(new ProcessEvent.OnHost(e.Host, e.Kind, e.Json));
        }
    }

    private void Refuse(Member holder)
    {
        var reason = $"the host name {directory.Self} is taken by the member at {Endpoint(holder.Address)}; choose another with --host-name";
        directory.Refusal = reason;
        log.Error("Refused by the cluster: {0}", reason);
        cluster.Leave(cluster.SelfAddress);
        CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
    }

    private HostProcesses Own() => new(directory.Self, [.. processes.Snapshot.All.Select(r => r.Id.ToString())]);

    private void Broadcast()
    {
        var own = Own();
        foreach (var tracked in members.Values) HostsOf(tracked.Member.Address).Tell(own);
    }

    private ActorSelection HostsOf(Address address) => Context.ActorSelection(new RootActorPath(address) / "user" / Name);

    private void Publish()
    {
        var hosts = ImmutableSortedDictionary<string, HostEntry>.Empty.WithComparers(StringComparer.Ordinal)
            .Add(directory.Self, directory.Snapshot.Find(directory.Self)!);
        foreach (var tracked in members.Values)
            hosts = hosts.SetItem(tracked.Name, new HostEntry(tracked.Name, Endpoint(tracked.Member.Address), tracked.Member.Address,
                tracked.Status, false, reported.GetValueOrDefault(tracked.Name, []), tracked.Lost.Token));
        directory.Publish(new HostsSnapshot(hosts));
    }

    private static string Endpoint(Address address) => $"{address.Host}:{address.Port}";
}
