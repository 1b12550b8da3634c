using Serilog;
using Serilog.Events;

namespace Spp.Web.Hosting;

public enum LogFormat
{
    Text,
    Json,
}

/// <summary>
/// Logging: standard error by default; a rolling file when <see cref="FilePath"/> is set; plain text lines or one
/// JSON object per event.
/// </summary>
public sealed record LogSettings
{
    public LogEventLevel Level { get; init; } = LogEventLevel.Information;
    public LogFormat Format { get; init; } = LogFormat.Text;

    /// <summary>Also write to standard error (on by default; turn off when a file is enough).</summary>
    public bool Console { get; init; } = true;

    /// <summary>The log file; with a rolling interval, the date is inserted before the extension.</summary>
    public string? FilePath { get; init; }

    public RollingInterval FileRollingInterval { get; init; } = RollingInterval.Day;

    /// <summary>How many log files are kept, the current one included.</summary>
    public int FileRetainedCount { get; init; } = 31;

    /// <summary>A file that reaches this size is closed and a new one started.</summary>
    public long FileSizeLimitBytes { get; init; } = 100L * 1024 * 1024;
}
