using Spp.Web.Hosting;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// A test of the settings loader: its own folder stands for the program's (where appsettings.json is looked for),
/// with helpers to write files there and to load the settings from it, an environment and flags.
/// </summary>
public abstract class SettingsTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("spp-ctl-settings-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    protected string WriteFile(string name, string json)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    protected LoadedSettings Load(Dictionary<string, string>? environment = null, params string[] args) =>
        SettingsLoader.Load(new SettingsSources(Folder, environment ?? [], CommandLine.Read(args)));

    protected IReadOnlyList<string> Errors(Dictionary<string, string>? environment = null, params string[] args) =>
        Assert.Throws<ConfigurationException>(() => Load(environment, args)).Errors;
}
