namespace Spp.Actors.Hosts;

/// <summary>Runs a <see cref="HostCall"/> that another host forwarded, as this host's own API would answer it.</summary>
public interface IHostCallHandler
{
    Task<HostAnswer> RunAsync(HostCall call);
}
