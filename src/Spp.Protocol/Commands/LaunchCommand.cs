namespace Spp.Protocol.Commands;

/// <summary>
/// <c>launch {id} {proc_name} {eal} -- {app}</c> (rest-api.md 2.2.7). Options are emitted in the fixed orders
/// below, each followed by its value unless the value is null or empty; other options are dropped.
/// </summary>
public static class LaunchCommand
{
    public static readonly IReadOnlyList<string> EalOptions =
    [
        "-c", "-l", "--lcores", "--master-lcore", "-s", "-b", "--pci-blacklist", "-w", "--pci-whitelist", "--vdev",
        "-d", "--no-pci", "--proc-type", "-n", "-r", "-m", "--in-memory", "--iova-mode", "--no-shconf", "--no-huge",
        "--log-level", "--file-prefix", "--create-uio-dev", "--vmware-tsc-map", "--no-hpet", "--vfio-intr",
        "--base-virtaddr", "--legacy-mem", "--socket-mem", "--socket-limit", "--single-file-segments", "--huge-dir",
        "--huge-unlink", "--match-allocations", "--syslog",
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> AppOptions =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["spp_nfv"] = ["-n", "-s", "--vhost-client"],
            ["spp_vf"] = ["--client-id", "-s", "--vhost-client"],
            ["spp_mirror"] = ["--client-id", "-s", "--vhost-client"],
            ["spp_pcap"] = ["--client-id", "-s", "-c", "--out-dir", "--fsize"],
        };

    /// <summary>The text up to and including <c>--</c>.</summary>
    public static string Head(long clientId, string procName, IReadOnlyDictionary<string, string?> eal) =>
        $"launch {clientId} {procName} {Options(EalOptions, eal)} --";

    public static string Build(long clientId, string procName, IReadOnlyDictionary<string, string?> eal,
        IReadOnlyDictionary<string, string?> app) =>
        $"{Head(clientId, procName, eal)} {Options(AppOptions[procName], app)}";

    private static string Options(IReadOnlyList<string> order, IReadOnlyDictionary<string, string?> given) =>
        string.Join(' ', order.Where(given.ContainsKey).Select(name =>
            string.IsNullOrEmpty(given[name]) ? name : $"{name} {given[name]}"));
}
