namespace Spp.Web.Tests.Fixtures;

/// <summary>Assertions on responses, as an operator would see them.</summary>
public static class Expect
{
    public static async Task ErrorAsync(HttpResponseMessage response, int status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((status, message), ((int)response.StatusCode, body));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task ErrorStartingAsync(HttpResponseMessage response, int status, string prefix)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith(prefix, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task NoContentAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((204, ""), ((int)response.StatusCode, body));
    }

    public static async Task<string> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    public static async Task<System.Text.Json.JsonElement> JsonElementAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonElement.Parse(await JsonAsync(response));
}
