using System.Text;

namespace Spp.Emulator.Wire;

/// <summary>
/// One request: the bytes of one read, taken as a C string (up to the first NUL), split at spaces only
/// (runs of spaces collapse; TAB, CR and LF stay inside tokens), as every SPP process does.
/// </summary>
internal sealed record Request(byte[] Bytes, string Text, string[] Tokens)
{
    public static Request From(ReadOnlySpan<byte> chunk)
    {
        var end = chunk.IndexOf((byte)0);
        var bytes = (end < 0 ? chunk : chunk[..end]).ToArray();
        var text = Encoding.Latin1.GetString(bytes);
        return new Request(bytes, text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public string Word => Tokens.Length > 0 ? Tokens[0] : "";

    public string? Token(int index) => index < Tokens.Length ? Tokens[index] : null;
}
