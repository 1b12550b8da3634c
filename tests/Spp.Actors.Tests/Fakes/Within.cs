using Spp.Actors.Messages;

namespace Spp.Actors.Tests.Fakes;

/// <summary>Bounded waits: a test never hangs, and never sleeps to let something happen.</summary>
public static class Within
{
    /// <summary>How long a test waits for something that should happen at once.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static Task<ProcessOutcome> Answer(this Task<ProcessOutcome> outcome) => outcome.WaitAsync(Patience);

    /// <summary>Waits until <paramref name="condition"/> holds, checking it every few milliseconds.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"still not true after {Patience}: {what}");
            await Task.Delay(5);
        }
    }
}
