using Spp.Emulator;

namespace Spp.Web.Tests.Fixtures;

/// <summary>What a process received, apart from the identification handshake.</summary>
public static class Sent
{
    public static IReadOnlyList<string> Commands(EmulatedProcess process) =>
        process.ReceivedCommands.Where(c => c != "_get_client_id").ToList();

    /// <summary>Runs <paramref name="action"/> and returns the commands the process received meanwhile.</summary>
    public static async Task<IReadOnlyList<string>> DuringAsync(EmulatedProcess process, Func<Task> action)
    {
        var before = Commands(process).Count;
        await action();
        return Commands(process).Skip(before).ToList();
    }
}
