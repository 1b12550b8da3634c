namespace Spp.Protocol.Grammar;

/// <summary>
/// A component name of spp_vf or spp_mirror: 1-31 printable ASCII characters, none of space, <c>/</c>, <c>"</c>
/// or <c>\</c>. Names travel as one token and are copied unescaped into the processes' JSON (rest-api.md 1.5).
/// </summary>
public static class ComponentName
{
    public const int MaxLength = 31;

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength) return false;
        foreach (var c in name)
            if (c is < '!' or > '~' or '/' or '"' or '\\') return false;
        return true;
    }
}
