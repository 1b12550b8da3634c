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
    IMaterializer Materializer);
