using System.Text;
using Spp.Protocol.Framing;

namespace Spp.Floor;

/// <summary>An spp_nfv reply: <see cref="ReplyFramer.PaddedBlockSize"/> bytes, the JSON then NULs.</summary>
internal static class PaddedReply
{
    public static int JsonLength(ReadOnlySpan<byte> reply) => reply.IndexOf((byte)0) is var n and >= 0 ? n : reply.Length;

    public static string Json(ReadOnlySpan<byte> reply) => Encoding.UTF8.GetString(reply[..JsonLength(reply)]);
}
