namespace Spp.Web.Audit;

/// <summary>The JSON-lines file of the audit trail: one entry per line, appended, never rewritten.</summary>
public static class AuditFile
{
    /// <summary>The last <paramref name="count"/> entries of the file (none if it does not exist), oldest first.</summary>
    public static IReadOnlyList<AuditEntry> Tail(string path, int count, ILogger logger)
    {
        if (!File.Exists(path)) return [];
        var tail = new Queue<AuditEntry>(Math.Min(count, 1024));
        var unreadable = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            if (AuditEntry.Parse(line) is not { } entry)
            {
                unreadable++;
                continue;
            }
            if (tail.Count == count) tail.Dequeue();
            tail.Enqueue(entry);
        }
        if (unreadable > 0) logger.LogWarning("Audit file {Path}: {Count} unreadable lines skipped", path, unreadable);
        return [.. tail];
    }

    /// <summary>
    /// Opens the file for appending, creating it (and its folder) if needed. A last line cut short (the controller
    /// stopped in the middle of writing it) is ended first, so that the next entry starts on a line of its own.
    /// </summary>
    public static FileStream OpenForAppend(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            if (file.Length > 0)
            {
                file.Seek(-1, SeekOrigin.End);
                var last = file.ReadByte();
                file.Seek(0, SeekOrigin.End);
                if (last != '\n') file.WriteByte((byte)'\n');
            }
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
