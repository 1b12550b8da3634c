using System.Globalization;

namespace Spp.Web.Tests.Fixtures;

/// <summary>Reads one sample from a <c>/metrics</c> scrape.</summary>
public static class Metrics
{
    public static async Task<string> ScrapeAsync(Controller controller)
    {
        var response = await controller.GetAsync("/metrics");
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name and labels), or 0 if absent.</summary>
    public static double Value(string scrape, string series)
    {
        foreach (var line in scrape.Split('\n'))
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
                return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
        return 0;
    }
}
