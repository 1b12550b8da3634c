namespace Spp.Emulator.Wire;

/// <summary>
/// The echo reply of primary and nfv: the request as left in the receive buffer after <c>strtok</c> wrote a
/// NUL over the first space following each token.
/// </summary>
internal static class Echo
{
    public static byte[] Of(Request request)
    {
        var buffer = (byte[])request.Bytes.Clone();
        var i = 0;
        while (i < buffer.Length)
        {
            while (i < buffer.Length && buffer[i] == (byte)' ') i++;
            while (i < buffer.Length && buffer[i] != (byte)' ') i++;
            if (i < buffer.Length) buffer[i++] = 0;
        }
        return buffer;
    }

    /// <summary>Echo of <c>add</c>/<c>del</c> with a malformed UID: the UID parser also cut the UID at its colon.</summary>
    public static byte[] WithUidColonCut(Request request)
    {
        var buffer = Of(request);
        var colon = Array.IndexOf(buffer, (byte)':');
        if (colon >= 0) buffer[colon] = 0;
        return buffer;
    }
}
