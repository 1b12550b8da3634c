using System.Threading.Channels;
using Spp.Web.Hosting;

namespace Spp.Web.Audit;

/// <summary>
/// The most recent audit entries, in a fixed-size ring (bounded memory), and, when <c>Audit:Path</c> is set, a
/// JSON-lines file that every entry is appended to and flushed by a writer of its own, so that no request waits
/// for the disk. At start the ring is filled from the end of the file, so a restart keeps the history.
/// </summary>
public sealed class AuditTrail : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly AuditEntry[] ring;
    private readonly ILogger logger;
    private readonly Channel<AuditEntry>? toFile;
    private readonly Task writing = Task.CompletedTask;
    private int next;
    private int count;

    public AuditTrail(AuditSettings settings, ILogger<AuditTrail> logger)
    {
        this.logger = logger;
        ring = new AuditEntry[settings.Capacity];
        if (settings.Path is not { } path) return;

        FileStream file;
        try
        {
            foreach (var entry in AuditFile.Tail(path, settings.Capacity, logger)) Add(entry);
            file = AuditFile.OpenForAppend(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new StartRefusedException($"Audit:Path '{path}' cannot be used: {e.Message}");
        }
        toFile = Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = true });
        writing = Task.Run(() => WriteAsync(file, path));
    }

    public int Capacity => ring.Length;

    public void Record(AuditEntry entry)
    {
        lock (gate) Add(entry);
        toFile?.Writer.TryWrite(entry);
    }

    /// <summary>The most recent <paramref name="limit"/> entries, of <paramref name="process"/> only if given; oldest first.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit, string? process = null)
    {
        var found = new List<AuditEntry>();
        lock (gate)
        {
            for (var i = 1; i <= count && found.Count < limit; i++)
            {
                var entry = ring[(next - i + ring.Length) % ring.Length];
                if (process is null || entry.Process == process) found.Add(entry);
            }
        }
        found.Reverse();
        return found;
    }

    /// <summary>Writes what is still queued for the file, then closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        toFile?.Writer.TryComplete();
        await writing;
    }

    private void Add(AuditEntry entry)
    {
        ring[next] = entry;
        next = (next + 1) % ring.Length;
        if (count < ring.Length) count++;
    }

    private async Task WriteAsync(FileStream file, string path)
    {
        await using (file)
        {
            await foreach (var entry in toFile!.Reader.ReadAllAsync())
            {
                try
                {
                    await file.WriteAsync(entry.ToLine());
                    file.Flush(flushToDisk: true);
                }
                catch (IOException e)
                {
                    logger.LogError("Audit file {Path}: entry not written: {Reason}", path, e.Message);
                }
            }
        }
    }
}
