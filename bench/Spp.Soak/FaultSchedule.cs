using Spp.Emulator;

namespace Spp.Soak;

/// <summary>Every few seconds, one process misbehaves for a while, then recovers.</summary>
public static class FaultSchedule
{
    private static readonly Action<FaultSettings>[] Faults =
    [
        f => f.ReplyDelay = TimeSpan.FromMilliseconds(500),
        f => f.HangAfterCommands = 1,
        f => f.CloseAfterCommands = 2,
        f => f.Garbage = GarbageKind.Text,
        f => { f.SplitSegmentBytes = 64; f.SplitPause = TimeSpan.FromMilliseconds(1); },
    ];

    public static async Task RunAsync(Fleet fleet, DateTime end)
    {
        var random = new Random(7);
        while (DateTime.UtcNow < end)
        {
            var victim = fleet.Processes[random.Next(fleet.Processes.Count)];
            Faults[random.Next(Faults.Length)](victim.Faults);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Clear(victim.Faults);
        }
    }

    private static void Clear(FaultSettings faults)
    {
        faults.ReplyDelay = TimeSpan.Zero;
        faults.HangAfterCommands = null;
        faults.CloseAfterCommands = null;
        faults.Garbage = GarbageKind.None;
        faults.SplitSegmentBytes = 0;
    }
}
