namespace Spp.Emulator;

/// <summary>Start-up configuration of an emulated process; the defaults give a small working set-up.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Pause between connection attempts while the controller is absent.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Master lcore of a secondary (nfv, vf, mirror, pcap).</summary>
    public int MasterLcore { get; init; } = 1;

    /// <summary>Worker lcores of a secondary; pcap uses the first as its receive thread, the others as writers.</summary>
    public IReadOnlyList<int> WorkerLcores { get; init; } = [2, 3, 4, 5];

    /// <summary>Master lcore of spp_primary.</summary>
    public int PrimaryMasterLcore { get; init; }

    /// <summary>Further lcores of spp_primary; empty means no forwarder thread (no <c>forwarder</c> in status).</summary>
    public IReadOnlyList<int> PrimaryWorkerLcores { get; init; } = [1];

    /// <summary>Number of NICs (<c>phy:0</c> ... ).</summary>
    public int PhyPortCount { get; init; } = 2;

    /// <summary>Rx and tx queues of every NIC; above 1 the ports are addressed as <c>phy:0nq1</c>.</summary>
    public int PhyQueueCount { get; init; } = 1;

    /// <summary>Shared rings created by the primary (<c>ring:0</c> ... ).</summary>
    public int RingCount { get; init; } = 4;

    /// <summary>How long vf, mirror and pcap keep the connection open after answering <c>exit</c>.</summary>
    public TimeSpan WorkerExitDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Block size of primary and nfv replies (MSG_SIZE).</summary>
    public int MessageSize { get; init; } = 32768;

    /// <summary>Port captured by spp_pcap (its <c>-c</c> option): <c>phy:N</c>, <c>ring:N</c> or <c>phy:NnqQ</c>.</summary>
    public string PcapCapturePort { get; init; } = "phy:0";

    /// <summary>Directory spp_pcap reports its capture files in (its <c>--out-dir</c> option).</summary>
    public string PcapOutputDirectory { get; init; } = "/tmp";

    /// <summary>When true, the primary's <c>launch</c> starts an emulated secondary.</summary>
    public bool LaunchSecondaries { get; init; }

    /// <summary>Receives one line per connect, command and reply; null keeps the process silent.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Sets faults before the process first connects (they can still be changed later).</summary>
    public Action<FaultSettings>? InitialFaults { get; init; }
}
