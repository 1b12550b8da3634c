using System.Text;

namespace Spp.Emulator.Wire;

/// <summary>
/// One request: the bytes of one read (<see cref="Chunk"/>), used as a C string of <see cref="Length"/> bytes
/// (up to the first NUL) and split at spaces only (runs of spaces collapse; TAB, CR and LF stay inside
/// tokens), as every SPP process does.
/// </summary>
internal sealed record Request(byte[] Chunk, int Length, string[] Tokens)
{
    public static Request From(byte[] chunk)
    {
        var end = Array.IndexOf(chunk, (byte)0);
        var length = end < 0 ? chunk.Length : end;
        var text = Encoding.Latin1.GetString(chunk, 0, length);
        return new Request(chunk, length, text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public string Word => Tokens.Length > 0 ? Tokens[0] : "";

    public string? Token(int index) => index < Tokens.Length ? Tokens[index] : null;
}
