using System.Globalization;

namespace Spp.Web.Machine;

/// <summary>One physical core and its logical CPUs (lcores).</summary>
public sealed record CpuCore(int CoreId, IReadOnlyList<int> Lcores);

/// <summary>One CPU socket and its cores.</summary>
public sealed record CpuSocket(int SocketId, IReadOnlyList<CpuCore> Cores);

/// <summary>
/// The host's CPU layout from the kernel's sysfs topology, grouped as upstream's <c>cpu_layout.py --json</c>
/// groups it (rest-api.md 2.1.3): sockets and cores in order of first appearance, lcores ascending.
/// </summary>
public sealed class CpuTopology(string sysfsRoot)
{
    public const string DefaultSysfsRoot = "/sys";

    /// <summary>The layout, or throws <see cref="CpuLayoutUnavailableException"/> with the reason.</summary>
    public IReadOnlyList<CpuSocket> Read()
    {
        var cpuDirectory = Path.Combine(sysfsRoot, "devices", "system", "cpu");
        var kernelMax = ReadNumber(Path.Combine(cpuDirectory, "kernel_max"));
        var sockets = new List<(int Socket, List<(int Core, List<int> Lcores)> Cores)>();
        foreach (var cpu in CpuNumbers(cpuDirectory).Where(n => n <= kernelMax).Order())
        {
            var topology = Path.Combine(cpuDirectory, $"cpu{cpu}", "topology");
            if (!File.Exists(Path.Combine(topology, "core_id")) || !File.Exists(Path.Combine(topology, "physical_package_id"))) continue;
            var coreId = ReadNumber(Path.Combine(topology, "core_id"));
            var socketId = ReadNumber(Path.Combine(topology, "physical_package_id"));

            var socket = sockets.FindIndex(s => s.Socket == socketId);
            if (socket < 0)
            {
                sockets.Add((socketId, []));
                socket = sockets.Count - 1;
            }
            var cores = sockets[socket].Cores;
            var core = cores.FindIndex(c => c.Core == coreId);
            if (core < 0) cores.Add((coreId, [cpu]));
            else cores[core].Lcores.Add(cpu);
        }
        if (sockets.Count == 0) throw new CpuLayoutUnavailableException($"no CPU topology found under {cpuDirectory}");
        return sockets.Select(s => new CpuSocket(s.Socket, s.Cores.Select(c => new CpuCore(c.Core, c.Lcores)).ToList())).ToList();
    }

    private static IEnumerable<int> CpuNumbers(string cpuDirectory)
    {
        if (!Directory.Exists(cpuDirectory)) throw new CpuLayoutUnavailableException($"{cpuDirectory} not found");
        foreach (var path in Directory.EnumerateDirectories(cpuDirectory, "cpu*"))
        {
            var suffix = Path.GetFileName(path)[3..];
            if (suffix.Length > 0 && suffix.All(char.IsAsciiDigit) && int.TryParse(suffix, CultureInfo.InvariantCulture, out var n))
                yield return n;
        }
    }

    private static int ReadNumber(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new CpuLayoutUnavailableException($"{path} does not hold a number");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CpuLayoutUnavailableException($"cannot read {path}: {e.Message}");
        }
    }
}

public sealed class CpuLayoutUnavailableException(string reason) : Exception(reason);
