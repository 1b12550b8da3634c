namespace Spp.Emulator.Worker;

/// <summary>The side of a component a port is attached to.</summary>
internal enum Direction { Rx, Tx }
