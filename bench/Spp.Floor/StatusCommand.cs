namespace Spp.Floor;

/// <summary>The one command the floor sends, made once: what it measures should not include building it.</summary>
internal static class StatusCommand
{
    public static readonly byte[] Bytes = "status"u8.ToArray();
}
