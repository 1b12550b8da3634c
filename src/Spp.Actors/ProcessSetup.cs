using Akka.Streams;
using Microsoft.Extensions.Logging;
using Spp.Actors.Events;

namespace Spp.Actors;

/// <summary>What every process actor is given by the registry that starts it.</summary>
public sealed record ProcessSetup(
    ControllerSettings Settings,
    ProcessEvents Events,
    ControllerMetrics? Metrics,
    ILoggerFactory Loggers,
    IMaterializer Materializer)
{
    /// <summary>
    /// The process actors' log (<c>Spp.Process</c>), made once: Serilog's logger factory makes a new logger, with a
    /// cache of its own, for every request of one.
    /// </summary>
    public ILogger ProcessLog { get; } = Loggers.CreateLogger("Spp.Process");
}
