using System.Globalization;
using Spp.Actors;

namespace Spp.Web.Hosting;

/// <summary>
/// The actor system's configuration: Akka.IO reads a connection <c>maximum-frame-size</c> bytes at a time, so 32 KiB
/// takes a padded reply in one read instead of eight (each read is a round of messages between Akka.IO and the
/// stream); Akka.IO wants a send buffer of twice that. And a drain as long as the commands may take.
/// </summary>
public static class ActorSystemSettings
{
    public static string Hocon(ControllerSettings settings) => $$"""
        akka {
          stdout-loglevel = off
          log-dead-letters-during-shutdown = off
          io.tcp {
            receive-buffer-size = 32k
            send-buffer-size = 64k
            maximum-frame-size = 32k
          }
          coordinated-shutdown {
            run-by-clr-shutdown-hook = off
            phases.service-requests-done.timeout = {{Seconds(settings.DrainTimeout)}}s
          }
        }
        """;

    private static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
