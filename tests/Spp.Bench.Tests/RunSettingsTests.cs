namespace Spp.Bench.Tests;

public class RunSettingsTests
{
    [Fact]
    public async Task Each_repetition_measures_every_build_in_turn()
    {
        var settings = RunSettings.Quick with { Runs = 3 };
        var order = new List<string>();
        var results = await settings.InterleaveAsync(["A", "B"], side =>
        {
            order.Add(side);
            return Task.FromResult($"{side}{order.Count}");
        });
        Assert.Equal(["A", "B", "A", "B", "A", "B"], order);
        Assert.Equal(["A1", "A3", "A5"], results[0]);
        Assert.Equal(["B2", "B4", "B6"], results[1]);
    }
}
