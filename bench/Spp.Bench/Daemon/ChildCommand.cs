using System.Diagnostics;

namespace Spp.Bench.Daemon;

/// <summary>Runs a command to completion (git, dotnet build) and returns its standard output.</summary>
public static class ChildCommand
{
    /// <param name="echo">Where each output line goes as it comes, for long commands; null keeps them quiet.</param>
    /// <exception cref="InvalidOperationException">The command failed; the message ends with its last output lines.</exception>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TextWriter? echo = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var lines = new List<string>();
        var stdout = Collect(process.StandardOutput, lines, echo);
        var stderr = Collect(process.StandardError, lines, echo);
        await process.WaitForExitAsync();
        var output = await stdout;
        await stderr;
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', lines.TakeLast(20));
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed with status {process.ExitCode}:\n{tail}");
        }
        return output.Trim();
    }

    private static async Task<string> Collect(StreamReader reader, List<string> lines, TextWriter? echo)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            all.AppendLine(line);
            lock (lines) lines.Add(line);
            echo?.WriteLine($"    {line}");
        }
        return all.ToString();
    }
}
