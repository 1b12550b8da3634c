using System.Collections;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Spp.Web.Hosts;

namespace Spp.Web.Hosting;

/// <summary>Where the settings come from: the program's directory, the environment, the command line.</summary>
/// <param name="ProgramDirectory">Where <c>appsettings.json</c> is looked for (optional there); null: nowhere.</param>
public sealed record SettingsSources(string? ProgramDirectory, IReadOnlyDictionary<string, string> Environment, CommandLineArguments CommandLine)
{
    /// <summary>This process's directory, environment and <paramref name="command"/>.</summary>
    public static SettingsSources OfProcess(CommandLineArguments command)
    {
        var environment = new Dictionary<string, string>();
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
            environment[(string)variable.Key] = (string?)variable.Value ?? "";
        return new SettingsSources(AppContext.BaseDirectory, environment, command);
    }
}

/// <summary>The options, and the keys that were given but mean nothing to the daemon.</summary>
/// <param name="Sections">
/// The merged values of the sections the daemon's parts read for themselves (<c>Access</c>, <c>Audit</c>,
/// <c>Events</c>), handed to the host's configuration.
/// </param>
public sealed record LoadedSettings(DaemonOptions Options, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string?> Sections);

/// <summary>
/// Reads the settings in order, each source overriding the ones before: the defaults, <c>appsettings.json</c> in the
/// program's directory, the <c>--config</c> file, environment variables <c>SPPCTL_{Key}</c> (sections joined by
/// <c>__</c>, e.g. <c>SPPCTL_Logging__Format</c>), the flags. Every value is checked before anything listens; all
/// errors are reported together, each naming the key, the value and where it came from.
/// </summary>
public static class SettingsLoader
{
    public const string EnvironmentPrefix = "SPPCTL_";
    public const string FileName = "appsettings.json";

    /// <summary>Sections read by the daemon's parts themselves, not by <see cref="SettingsCatalog"/>.</summary>
    private static readonly string[] PartSections = ["Access", "Audit", "Events"];

    private sealed record Layer(string Source, Dictionary<string, string> Values, Func<string, string> Describe);

    public static LoadedSettings Load(SettingsSources sources)
    {
        var layers = new List<Layer>();
        var errors = new List<string>();
        if (sources.ProgramDirectory is { } directory && File.Exists(Path.Combine(directory, FileName)))
            AddFile(layers, errors, Path.Combine(directory, FileName));
        if (sources.CommandLine.ConfigFile is { } file) AddFile(layers, errors, file);
        layers.Add(Environment(sources.Environment));
        layers.Add(new Layer("command line", new(sources.CommandLine.Settings, StringComparer.OrdinalIgnoreCase),
            key => $"flag {SettingsCatalog.Find(key)?.Flag?.Name}"));
        if (errors.Count > 0) throw new ConfigurationException(errors);

        var warnings = new List<string>();
        foreach (var layer in layers)
            foreach (var key in layer.Values.Keys.Where(k => SettingsCatalog.Find(k) is null && !IsPartSection(k)))
                warnings.Add($"{key}: unknown setting ignored ({layer.Describe(key)})");
        var sections = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
            foreach (var (key, value) in layer.Values.Where(v => IsPartSection(v.Key)))
                sections[key] = value;

        var options = new DaemonOptions();
        foreach (var setting in SettingsCatalog.All)
        {
            var layer = layers.LastOrDefault(l => l.Values.ContainsKey(setting.Key));
            if (layer is null) continue;
            var value = layer.Values[setting.Key];
            try
            {
                options = setting.Apply(options, value);
            }
            catch (SettingValueException e)
            {
                errors.Add($"{setting.Key}: invalid value '{value}' ({layer.Describe(setting.Key)}): {e.Message}");
            }
        }
        errors.AddRange(PortClashes(options));
        if (errors.Count == 0) errors.AddRange(CertificateProblems(options, layers));
        if (errors.Count == 0 && UnannouncedCluster(options) is { } unannounced) errors.Add(unannounced);
        if (errors.Count == 0 && InsecureCluster(options) is { } insecure) errors.Add(insecure);
        if (errors.Count > 0) throw new ConfigurationException(errors);
        warnings.AddRange(ClusterOff(options.Cluster, layers));
        return new LoadedSettings(options, warnings, sections);
    }

    private static bool IsPartSection(string key) =>
        PartSections.Any(section => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> PortClashes(DaemonOptions options)
    {
        (string Key, int Port)[] ports =
        [
            ("PrimaryPort", options.PrimaryPort), ("SecondaryPort", options.SecondaryPort), ("ApiPort", options.ApiPort),
            ("Cluster:Port", options.Cluster.Port ?? 0),
        ];
        for (var i = 0; i < ports.Length; i++)
            for (var j = i + 1; j < ports.Length; j++)
                if (ports[i].Port == ports[j].Port && ports[i].Port != 0)
                    yield return $"{ports[i].Key} and {ports[j].Key} are both {ports[i].Port}: each listener needs its own port";
    }

    /// <summary>The certificates and keys are read now, so that a file that cannot be used stops the start here.</summary>
    private static IEnumerable<string> CertificateProblems(DaemonOptions options, List<Layer> layers)
    {
        if (options.Tls.CertificatePath is not null || options.Tls.KeyPath is not null)
            if (CertificateProblem(() => ApiCertificate.Load(options.Tls), layers) is { } problem) yield return problem;
        if (options.Cluster.CertificatePath is not null || options.Cluster.CertificatePassword is not null)
            if (CertificateProblem(() => ClusterCertificate.Load(options.Cluster), layers) is { } problem) yield return problem;
    }

    private static string? CertificateProblem(Func<X509Certificate2> load, List<Layer> layers)
    {
        try
        {
            load().Dispose();
            return null;
        }
        catch (CertificateException e)
        {
            var layer = layers.Last(l => l.Values.ContainsKey(e.Setting));
            return e.Setting == ClusterCertificate.PasswordSetting
                ? $"{e.Setting} ({layer.Describe(e.Setting)}): {e.Message}" // a password is not repeated in the log
                : $"{e.Setting}: invalid value '{layer.Values[e.Setting]}' ({layer.Describe(e.Setting)}): {e.Message}";
        }
    }

    /// <summary>The other members reach this one at the address it announces: the unspecified address reaches nobody.</summary>
    private static string? UnannouncedCluster(DaemonOptions options)
    {
        var cluster = options.Cluster;
        if (!cluster.Enabled || !(cluster.Address ?? options.BindAddress).Equals(IPAddress.Any)) return null;
        return $"Cluster:Address: the cluster port would be announced as {IPAddress.Any}, which the other members cannot reach; "
            + "give the address they reach this host on";
    }

    /// <summary>Whoever reaches the cluster port joins the cluster: off loopback, that needs TLS or the operator's say-so.</summary>
    private static string? InsecureCluster(DaemonOptions options)
    {
        var cluster = options.Cluster;
        var address = cluster.Address ?? options.BindAddress;
        if (!cluster.Enabled || IPAddress.IsLoopback(address) || cluster.CertificatePath is not null || cluster.AllowInsecure) return null;
        return $"{ClusterCertificate.PathSetting}: the cluster port listens on {address}, where members would talk in clear text; "
            + "give a certificate or --allow-insecure-cluster (Cluster:AllowInsecure)";
    }

    /// <summary>Cluster settings other than the defaults, given while no <c>Cluster:Port</c> turns the cluster on.</summary>
    private static IEnumerable<string> ClusterOff(ClusterSettings cluster, List<Layer> layers)
    {
        if (cluster.Enabled) yield break;
        foreach (var setting in SettingsCatalog.All.Where(s => s.Key.StartsWith("Cluster:", StringComparison.Ordinal) && s.Key != "Cluster:Port"))
            if (layers.LastOrDefault(l => l.Values.ContainsKey(setting.Key)) is { } layer
                && !string.Equals(layer.Values[setting.Key], setting.Default, StringComparison.OrdinalIgnoreCase))
                yield return $"{setting.Key}: ignored, no cluster without Cluster:Port ({layer.Describe(setting.Key)})";
    }

    /// <summary>
    /// The items of a list setting given as a JSON array (<c>Key:0</c>, <c>Key:1</c>, ...), or as environment variables
    /// named so, become the one value of the key, joined by <c>,</c> in the order of their indexes.
    /// </summary>
    private static void JoinLists(Dictionary<string, string> values, Dictionary<string, string>? names = null)
    {
        foreach (var setting in SettingsCatalog.All.Where(s => s.List))
        {
            var items = values.Keys
                .Select(key => (Key: key, Index: ItemIndex(setting.Key, key)))
                .Where(item => item.Index is not null)
                .OrderBy(item => item.Index)
                .ToList();
            if (items.Count == 0) continue;
            values[setting.Key] = string.Join(',', items.Select(item => values[item.Key]));
            if (names is not null) names[setting.Key] = string.Join(", ", items.Select(item => names[item.Key]));
            foreach (var item in items)
            {
                values.Remove(item.Key);
                names?.Remove(item.Key);
            }
        }
    }

    private static int? ItemIndex(string listKey, string key) =>
        key.Length > listKey.Length + 1 && key.StartsWith(listKey + ":", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(key.AsSpan(listKey.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static void AddFile(List<Layer> layers, List<string> errors, string path)
    {
        try
        {
            var root = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build();
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in root.AsEnumerable())
                if (value is not null) values[key] = value;
            JoinLists(values);
            layers.Add(new Layer(path, values, _ => path));
        }
        catch (FileNotFoundException)
        {
            errors.Add($"{path}: file not found");
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: cannot be read as JSON settings: {(e.InnerException ?? e).Message}");
        }
    }

    private static Layer Environment(IReadOnlyDictionary<string, string> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var key = name[EnvironmentPrefix.Length..].Replace("__", ":");
            values[key] = value;
            names[key] = name;
        }
        JoinLists(values, names);
        return new Layer("environment", values, key => $"environment variable {names[key]}");
    }
}

/// <summary>The configuration cannot be used; <see cref="Errors"/> has one line per problem.</summary>
public sealed class ConfigurationException(IReadOnlyList<string> errors) : Exception(string.Join("\n", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
