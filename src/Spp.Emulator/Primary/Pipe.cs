namespace Spp.Emulator.Primary;

/// <summary>A <c>spp_pipe</c> port reading from ring <see cref="Rx"/> and writing to ring <see cref="Tx"/>.</summary>
internal sealed record Pipe(int Id, int Rx, int Tx);
