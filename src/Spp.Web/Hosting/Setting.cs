namespace Spp.Web.Hosting;

/// <summary>
/// One configuration key: its name in appsettings.json (sections joined by <c>:</c>), its default as text, what it
/// means, the flag that also sets it, and how a text value is applied to <see cref="DaemonOptions"/>.
/// <see cref="Apply"/> throws <see cref="SettingValueException"/> with the reason when the value is unusable.
/// </summary>
public sealed record Setting(string Key, string Default, string Description, Func<DaemonOptions, string, DaemonOptions> Apply)
{
    public string? Flag { get; init; }

    /// <summary>The environment variable: <c>SPPCTL_</c>, then the key with <c>__</c> for each <c>:</c>.</summary>
    public string EnvironmentVariable => SettingsLoader.EnvironmentPrefix + Key.Replace(":", "__");
}

/// <summary>A setting's value cannot be used; the message says what is expected.</summary>
public sealed class SettingValueException(string reason) : Exception(reason);
