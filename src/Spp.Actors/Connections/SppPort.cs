namespace Spp.Actors.Connections;

/// <summary>The two ports SPP processes connect to: whoever connects to the first is the primary.</summary>
public enum SppPort
{
    Primary,
    Secondary,
}

public static class SppPortNames
{
    /// <summary>The port as events name it: <c>primary</c> or <c>secondary</c>.</summary>
    public static string Name(this SppPort port) => port == SppPort.Primary ? "primary" : "secondary";
}
