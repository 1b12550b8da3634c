namespace Spp.Emulator.Cli;

/// <summary>What the command line asks for: one process, the demo set or a fleet, and their options.</summary>
internal sealed record EmulatorArguments(
    bool ShowHelp,
    EmulatedKind? Kind,
    int ClientId,
    bool Demo,
    int? FleetSize,
    string Controller,
    int PrimaryPort,
    int SecondaryPort,
    EmulatorOptions Options)
{
    public IReadOnlyList<EmulatedProcess> Start()
    {
        var primary = new ControllerEndpoint(Controller, PrimaryPort);
        var secondary = new ControllerEndpoint(Controller, SecondaryPort);
        if (Demo) return Fleet.StartDemo(primary, secondary, Options).Processes;
        if (FleetSize is { } size) return Fleet.StartMixed(primary, secondary, size, Options).Processes;
        var kind = Kind ?? EmulatedKind.Primary;
        return [EmulatedProcess.Start(kind, ClientId, kind == EmulatedKind.Primary ? primary : secondary, Options)];
    }
}
