namespace Spp.Emulator;

/// <summary>Several emulated processes started and stopped together.</summary>
public sealed class Fleet : IAsyncDisposable
{
    private static readonly EmulatedKind[] SecondaryKinds = [EmulatedKind.Nfv, EmulatedKind.Vf, EmulatedKind.Mirror, EmulatedKind.Pcap];

    private Fleet(IReadOnlyList<EmulatedProcess> processes) => Processes = processes;

    public IReadOnlyList<EmulatedProcess> Processes { get; }

    /// <summary>A primary, nfv 1, vf 2, mirror 3 and pcap 4.</summary>
    public static Fleet StartDemo(ControllerEndpoint primary, ControllerEndpoint secondary, EmulatorOptions? options = null) =>
        StartMixed(primary, secondary, SecondaryKinds.Length, options);

    /// <summary>A primary and <paramref name="secondaries"/> secondaries with ids 1..N, cycling nfv, vf, mirror, pcap.</summary>
    public static Fleet StartMixed(ControllerEndpoint primary, ControllerEndpoint secondary, int secondaries, EmulatorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondaries);
        var processes = new List<EmulatedProcess> { EmulatedProcess.Start(EmulatedKind.Primary, 0, primary, options) };
        for (var id = 1; id <= secondaries; id++)
            processes.Add(EmulatedProcess.Start(SecondaryKinds[(id - 1) % SecondaryKinds.Length], id, secondary, options));
        return new Fleet(processes);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Processes.Select(p => p.DisposeAsync().AsTask()));
    }
}
