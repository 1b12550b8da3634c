using Serilog;
using Serilog.Events;

namespace Spp.Web.Hosting;

/// <summary>Serilog to standard error: one line per command, connection and registration event.</summary>
public static class Logging
{
    public static Serilog.ILogger Console(LogEventLevel minimum = LogEventLevel.Information) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
}
