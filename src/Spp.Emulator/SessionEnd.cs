namespace Spp.Emulator;

/// <summary>Why a connection to the controller ended, which decides what the process does next.</summary>
internal enum SessionEnd
{
    /// <summary>The controller closed or reset the connection: reconnect at once.</summary>
    PeerClosed,
    /// <summary>Dropped on request (<see cref="EmulatedProcess.DisconnectAsync"/>) or by disposal: reconnect after the retry interval.</summary>
    Dropped,
    /// <summary>Closed by the close-after fault: reconnect after the retry interval.</summary>
    FaultClosed,
    /// <summary>Closed after answering <c>exit</c>: the process has terminated.</summary>
    Exited,
    /// <summary>Closed without a reply: the process has crashed.</summary>
    Crashed,
    /// <summary>The process is stuck for good and never reconnects.</summary>
    Hung,
}
