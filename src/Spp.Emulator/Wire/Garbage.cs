using System.Text;

namespace Spp.Emulator.Wire;

/// <summary>Replies that are not what any controller can decode.</summary>
internal static class Garbage
{
    public const string Text = "status: idling";

    private const int BinaryLength = 64;

    /// <summary>Random bytes from 0x80..0xFF starting with 0xFF: never valid UTF-8, never a NUL.</summary>
    public static byte[] Create(GarbageKind kind)
    {
        if (kind == GarbageKind.Text) return Encoding.ASCII.GetBytes(Text);
        var bytes = new byte[BinaryLength];
        Random.Shared.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++) bytes[i] |= 0x80;
        bytes[0] = 0xFF;
        return bytes;
    }
}
