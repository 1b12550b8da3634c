namespace Spp.Web.Tests.Fixtures;

/// <summary>Awaits a condition with a deadline instead of sleeping.</summary>
public static class Eventually
{
    /// <param name="state">What the failure message shows of the state at the deadline, to tell why it did not hold.</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Controller.Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(state is null ? $"not observed in time: {what}" : $"not observed in time: {what}\n{state()}");
            await Task.Delay(10);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, within);
}
