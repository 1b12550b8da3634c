namespace Spp.Emulator;

/// <summary>The controller port a process connects to (primary port or secondary port).</summary>
public sealed record ControllerEndpoint(string Host, int Port);
