namespace Spp.Protocol.Grammar;

/// <summary>
/// What one command may hold before it overruns a process's fixed buffers (rest-api.md 1.9.2).
/// Tokens are counted as the processes split them: maximal runs of non-space characters.
/// </summary>
public sealed record CommandLimits(int MaxTokens, int MaxBytes)
{
    public static readonly CommandLimits Padded = new(47, 32767);
    public static readonly CommandLimits Worker = new(8, 887);

    public bool Admits(string command) =>
        System.Text.Encoding.UTF8.GetByteCount(command) <= MaxBytes && CountTokens(command) <= MaxTokens;

    public static int CountTokens(string command)
    {
        var count = 0;
        var inToken = false;
        foreach (var c in command)
        {
            if (c == ' ') inToken = false;
            else if (!inToken) { inToken = true; count++; }
        }
        return count;
    }
}
