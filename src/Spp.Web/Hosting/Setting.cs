namespace Spp.Web.Hosting;

/// <summary>
/// One configuration key: its name in appsettings.json (sections joined by <c>:</c>), its default as text, what it
/// means, the flag that also sets it (<see cref="CommandLine"/> builds its options from these), and how a text value
/// is applied to <see cref="DaemonOptions"/>.
/// <see cref="Apply"/> throws <see cref="SettingValueException"/> with the reason when the value is unusable.
/// </summary>
public sealed record Setting(string Key, string Default, string Description, Func<DaemonOptions, string, DaemonOptions> Apply)
{
    public SettingFlag? Flag { get; init; }

    /// <summary>
    /// The value is a list, its items joined by <c>,</c>: the flag may be given once per item, and a file may give a
    /// JSON array (which configuration reads as <c>Key:0</c>, <c>Key:1</c>, ...).
    /// </summary>
    public bool List { get; init; }

    /// <summary>The environment variable: <c>SPPCTL_</c>, then the key with <c>__</c> for each <c>:</c>.</summary>
    public string EnvironmentVariable => SettingsLoader.EnvironmentPrefix + Key.Replace(":", "__");
}

/// <summary>
/// The flag that sets a setting: its name (<c>-p</c>), the name of its value in help (<c>PRI_PORT</c>; none for a
/// switch, which sets <c>true</c>), and another name for it (<c>--bind-addr</c>).
/// </summary>
public sealed record SettingFlag(string Name, string? ValueName = null, string? Alias = null);

/// <summary>A setting's value cannot be used; the message says what is expected.</summary>
public sealed class SettingValueException(string reason) : Exception(reason);
