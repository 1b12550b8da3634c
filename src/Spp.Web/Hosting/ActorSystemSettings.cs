using System.Globalization;
using Spp.Actors;

namespace Spp.Web.Hosting;

/// <summary>
/// The actor system's configuration: a read buffer that takes a 32 KiB padded reply in one read (larger ones cost
/// memory on every connection for nothing), and a drain as long as the commands may take.
/// </summary>
public static class ActorSystemSettings
{
    public static string Hocon(ControllerSettings settings) => $$"""
        akka {
          stdout-loglevel = off
          log-dead-letters-during-shutdown = off
          io.tcp {
            receive-buffer-size = 32k
            send-buffer-size = 8k
            maximum-frame-size = 4k
          }
          coordinated-shutdown {
            run-by-clr-shutdown-hook = off
            phases.service-requests-done.timeout = {{Seconds(settings.DrainTimeout)}}s
          }
        }
        """;

    private static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
