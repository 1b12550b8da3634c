namespace Spp.Emulator;

/// <summary>The SPP process an emulator stands in for.</summary>
public enum EmulatedKind { Primary, Nfv, Vf, Mirror, Pcap }
