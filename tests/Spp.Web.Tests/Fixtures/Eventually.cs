namespace Spp.Web.Tests.Fixtures;

/// <summary>Awaits a condition with a deadline instead of sleeping.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Controller.Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not observed in time: {what}");
            await Task.Delay(10);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, within);
}
