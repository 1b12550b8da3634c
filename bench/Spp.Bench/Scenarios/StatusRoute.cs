using Spp.Bench.Daemon;
using Spp.Bench.Load;
using Spp.Emulator;

namespace Spp.Bench.Scenarios;

/// <summary>
/// Where a repetition sends its <c>status</c>: straight to an emulated process (<see cref="Daemon"/> null, the bench
/// as the controller), or through one of the daemons. Scenarios interleave the routes, straight one first.
/// </summary>
public sealed record StatusRoute(DaemonUnderTest? Daemon)
{
    public static StatusRoute[] StraightThenEach(DaemonsUnderTest daemons) => [new((DaemonUnderTest?)null), .. daemons.Select(d => new StatusRoute(d))];

    /// <summary>One run: <paramref name="call"/> from <paramref name="clients"/> clients through the daemon, or round trips straight to a fresh <paramref name="kind"/>.</summary>
    public Task<LoadResult> RunAsync(Func<Uri, ApiCall> call, int clients, RunSettings settings, EmulatedKind kind = EmulatedKind.Nfv, int clientId = 1) =>
        Daemon is { } daemon
            ? daemon.Load.RunAsync(call(daemon.Api), clients, settings.Duration, settings.Warmup)
            : DirectController.RunAsync(settings, kind, clientId);
}
