namespace Spp.Web.Hosts;

/// <summary>The name of a host in the API: 1 to 63 characters of <c>a-z</c>, <c>0-9</c> and <c>-</c>.</summary>
public static class HostNames
{
    public const int MaxLength = 63;
    public const string Rule = "1 to 63 characters of a-z, 0-9 and -";

    public static bool IsValid(string name) => name.Length is >= 1 and <= MaxLength && name.All(IsAllowed);

    /// <summary>This machine's host name, made valid (<see cref="FromMachineName"/>).</summary>
    public static string Default() => FromMachineName(Environment.MachineName);

    /// <summary>
    /// <paramref name="machineName"/> in lower case when that is valid; otherwise its part before the first <c>.</c>,
    /// each other character that is not allowed replaced by <c>-</c>, cut to 63 characters (<c>localhost</c> if
    /// nothing is left).
    /// </summary>
    public static string FromMachineName(string machineName)
    {
        var name = machineName.ToLowerInvariant();
        if (IsValid(name)) return name;
        var dot = name.IndexOf('.');
        if (dot >= 0) name = name[..dot];
        name = string.Concat(name.Select(c => IsAllowed(c) ? c : '-'));
        if (name.Length > MaxLength) name = name[..MaxLength];
        return name.Length > 0 ? name : "localhost";
    }

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';
}
