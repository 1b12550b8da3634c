namespace Spp.Emulator.Wire;

/// <summary>
/// How a process family puts replies on the wire: primary and nfv send a block of exactly
/// <see cref="BlockSize"/> bytes (message, then NULs); vf, mirror and pcap send the message alone.
/// </summary>
internal sealed record ReplyFraming(int ReadSize, int? BlockSize, TimeSpan ExitDelay)
{
    public const int WorkerReadSize = 2048;

    public static ReplyFraming Padded(int messageSize) => new(messageSize, messageSize, TimeSpan.Zero);

    public static ReplyFraming Stream(TimeSpan exitDelay) => new(WorkerReadSize, null, exitDelay);

    public byte[] Frame(byte[] message)
    {
        if (BlockSize is not { } size) return message;
        var block = new byte[size];
        message.AsSpan(0, Math.Min(message.Length, size)).CopyTo(block);
        return block;
    }
}
