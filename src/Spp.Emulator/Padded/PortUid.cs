namespace Spp.Emulator.Padded;

/// <summary>A port as primary and nfv parse it: <c>TYPE:ID</c> with an optional <c>nqQUEUE</c> suffix.</summary>
internal sealed record PortUid(string Type, int Id, int Queue)
{
    /// <summary>The <c>TYPE:ID</c> form the processes rebuild in replies (queue dropped, number normalised).</summary>
    public string Name => $"{Type}:{Id}";
}
