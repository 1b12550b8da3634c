using Akka.Actor;

namespace Spp.Actors.Hosts;

/// <summary>How a call forwarded to another host ended.</summary>
public abstract record HostOutcome
{
    public sealed record Answered(HostAnswer Answer) : HostOutcome;

    /// <summary>The host became unreachable or its connection broke before it answered.</summary>
    public sealed record Lost : HostOutcome;

    /// <summary>No answer within the bound.</summary>
    public sealed record TimedOut : HostOutcome;
}

/// <summary>The one Ask from the host where a request came in to the <see cref="HostsActor"/> of the host that owns it.</summary>
public static class HostForwarding
{
    public static async Task<HostOutcome> AskAsync(ActorSystem system, HostEntry host, HostCall call, TimeSpan timeout, CancellationToken aborted)
    {
        if (host.Akka is not { } address || host.Lost.IsCancellationRequested) return new HostOutcome.Lost();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, host.Lost);
        try
        {
            var answer = await system.ActorSelection(new RootActorPath(address) / "user" / HostsActor.Name)
                .Ask<HostAnswer>(call, timeout, either.Token);
            return new HostOutcome.Answered(answer);
        }
        catch (OperationCanceledException) when (host.Lost.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return new HostOutcome.Lost();
        }
        catch (AskTimeoutException)
        {
            return new HostOutcome.TimedOut();
        }
    }
}
