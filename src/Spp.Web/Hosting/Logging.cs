using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Spp.Web.Hosting;

/// <summary>Serilog to standard error: one line per command, connection and registration event.</summary>
public static class Logging
{
    private const string TextTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The logger <paramref name="settings"/> describe: standard error and/or a rolling file, text or JSON. Both are
    /// written by a background worker, so no command waits for the terminal or the disk; it blocks rather than drops
    /// when far behind, and disposing the logger (at every normal stop) writes out what is queued.
    /// </summary>
    public static Serilog.Core.Logger Create(LogSettings settings)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.Level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Error) // a probe every few seconds
            .Enrich.FromLogContext();
        var json = settings.Format == LogFormat.Json ? new JsonFormatter(renderMessage: true) : null;
        return configuration.WriteTo.Async(sinks =>
        {
            if (settings.Console)
            {
                if (json is null) sinks.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: TextTemplate);
                else sinks.Console(json, standardErrorFromLevel: LogEventLevel.Verbose);
            }
            if (settings.FilePath is { } path)
            {
                if (json is null)
                    sinks.File(path, outputTemplate: TextTemplate, rollingInterval: settings.FileRollingInterval,
                        retainedFileCountLimit: settings.FileRetainedCount, fileSizeLimitBytes: settings.FileSizeLimitBytes, rollOnFileSizeLimit: true);
                else
                    sinks.File(json, path, rollingInterval: settings.FileRollingInterval,
                        retainedFileCountLimit: settings.FileRetainedCount, fileSizeLimitBytes: settings.FileSizeLimitBytes, rollOnFileSizeLimit: true);
            }
        }, blockWhenFull: true).CreateLogger();
    }
}
