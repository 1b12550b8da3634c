using System.Runtime.InteropServices;

namespace Spp.Bench.Report;

/// <summary>The machine a run was measured on.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGigabytes, string Runtime, string Os)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        CpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    public string Text => $"{Cores} cores ({Cpu}), {MemoryGigabytes:0} GiB, {Runtime}, {Os}";

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return "unknown CPU";
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name"));
        return line?[(line.IndexOf(':') + 1)..].Trim() ?? "unknown CPU";
    }
}
