using Serilog;
using Serilog.Events;
using Serilog.Core;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Spp.Web.Hosting;

/// <summary>Serilog to standard error: one line per command, connection and registration event.</summary>
public static class Logging
{
    private const string TextTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The logger <paramref name="settings"/> describe: standard error and/or a rolling file, text or JSON. Both are
    /// written by a background writer (<see cref="BatchedLogSink"/>), so no command waits for the terminal or the
    /// disk; it blocks rather than drops when far behind, and disposing the logger (at every normal stop) writes out
    /// what is queued. A terminal gets the console sink's colours; redirected standard error gets the same lines plain.
    /// </summary>
    public static Logger Create(LogSettings settings)
    {
        var json = settings.Format == LogFormat.Json ? new JsonFormatter(renderMessage: true) : null;
        ITextFormatter formatter = json is null ? new MessageTemplateTextFormatter(TextTemplate) : json;
        var toTerminal = settings.Console && !Console.IsErrorRedirected;
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose();
        if (toTerminal)
        {
            if (json is null) sinks.WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: TextTemplate);
            else sinks.WriteTo.Console(json, standardErrorFromLevel: LogEventLevel.Verbose);
        }
        if (settings.FilePath is { } path)
            sinks.WriteTo.File(formatter, path, rollingInterval: settings.FileRollingInterval,
                retainedFileCountLimit: settings.FileRetainedCount, fileSizeLimitBytes: settings.FileSizeLimitBytes, rollOnFileSizeLimit: true);
        var batches = new BatchedLogSink(settings.Console && !toTerminal ? formatter : null,
            toTerminal || settings.FilePath is not null ? sinks.CreateLogger() : null);
        return new LoggerConfiguration()
            .MinimumLevel.Is(settings.Level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Error) // a probe every few seconds
            // Its lines (request starting, request finished) are below Warning, but while it is on at all, ASP.NET Core
            // starts an Activity and a logging scope for every request.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
            .Enrich.FromLogContext()
            .WriteTo.Sink(batches)
            .CreateLogger();
    }
}
