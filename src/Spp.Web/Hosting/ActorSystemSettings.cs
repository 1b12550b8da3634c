using System.Globalization;
using Spp.Actors;

namespace Spp.Web.Hosting;

/// <summary>The actor system's configuration: TCP buffers for 32 KiB replies, and a drain as long as the commands may take.</summary>
public static class ActorSystemSettings
{
    public static string Hocon(ControllerSettings settings) => $$"""
        akka {
          stdout-loglevel = off
          log-dead-letters-during-shutdown = off
          io.tcp {
            receive-buffer-size = 64k
            send-buffer-size = 64k
            maximum-frame-size = 64k
          }
          coordinated-shutdown {
            run-by-clr-shutdown-hook = off
            phases.service-requests-done.timeout = {{Seconds(settings.DrainTimeout)}}s
          }
        }
        """;

    private static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
