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

    /// <summary>
    /// The value of the sample written exactly as <paramref name="series"/> (name and labels), or 0 if absent. A
    /// series without labels may be written with empty braces (<c>name{} 1</c>), as the exporter does.
    /// </summary>
    public static double Value(string scrape, string series)
    {
        string[] forms = series.Contains('{') ? [series + " "] : [series + " ", series + "{} "];
        foreach (var line in scrape.Split('\n'))
            foreach (var form in forms)
                if (line.StartsWith(form, StringComparison.Ordinal))
                    return double.Parse(line[form.Length..], CultureInfo.InvariantCulture);
        return 0;
    }
}
