namespace Spp.Emulator.Wire;

/// <summary>
/// The echo reply of primary and nfv: the receive buffer as <c>strtok</c> left it, with a NUL written over the
/// first space following each token of the C string (bytes after a NUL in the request stay as they came).
/// </summary>
internal static class Echo
{
    public static byte[] Of(Request request)
    {
        var buffer = (byte[])request.Chunk.Clone();
        var i = 0;
        while (i < request.Length)
        {
            while (i < request.Length && buffer[i] == (byte)' ') i++;
            while (i < request.Length && buffer[i] != (byte)' ') i++;
            if (i < request.Length) buffer[i++] = 0;
        }
        return buffer;
    }

    /// <summary>Echo of <c>add</c>/<c>del</c> with a malformed UID: the UID parser also cut the UID at its colon.</summary>
    public static byte[] WithUidColonCut(Request request)
    {
        var buffer = Of(request);
        var colon = Array.IndexOf(buffer, (byte)':', 0, request.Length);
        if (colon >= 0) buffer[colon] = 0;
        return buffer;
    }
}
