using Spp.Emulator.Wire;

namespace Spp.Emulator;

/// <summary>State and command handling of one kind of SPP process.</summary>
internal interface IProcessBehaviour
{
    /// <summary>Applies one request to the process state and returns the reply message.</summary>
    Reply Handle(Request request, FaultSnapshot faults);
}
