using System.Text;

namespace Spp.Emulator.Wire;

/// <summary>What the process does after handling a request.</summary>
internal enum Fate
{
    /// <summary>Send the reply and wait for the next request.</summary>
    Continue,
    /// <summary>Send the reply, then terminate.</summary>
    Exit,
    /// <summary>Terminate at once without a reply (the real process crashes).</summary>
    Crash,
    /// <summary>Never reply and never read again (the real process is stuck).</summary>
    Hang,
}

/// <summary>The message a behaviour answers with (before framing) and what happens next.</summary>
internal sealed record Reply(byte[] Message, Fate Fate)
{
    public static Reply Crash { get; } = new([], Fate.Crash);

    public static Reply Hang { get; } = new([], Fate.Hang);

    public static Reply Text(string text, Fate fate = Fate.Continue) => new(Encoding.Latin1.GetBytes(text), fate);
}
