using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 1.2 and 1.8: routes, path parameters, 404 and 405.</summary>
public sealed class RoutingTests() : ProcessTestBase(EmulatedKind.Nfv, 1)
{
    [Theory]
    [InlineData("/v1/bogus")]
    [InlineData("/v1")]
    [InlineData("/")]
    [InlineData("/v2/processes")]
    [InlineData("/v1/processes/")]
    [InlineData("/V1/processes")]
    [InlineData("/v1/Processes")]
    [InlineData("/v1/nfvs/1/")]
    [InlineData("/v1/mirrors/1/classifier_table")]
    public async Task An_unknown_path_is_404_naming_the_full_path(string path) =>
        await Expect.ErrorAsync(await Controller.GetAsync(path), 404, $"Not found: '{path}'");

    [Theory]
    [InlineData("/v1//processes")]
    [InlineData("/v1/nfvs//ports")]
    [InlineData("/v1/nfvs/1%2F")]
    [InlineData("/v1/nfvs/1%2Fports")]
    public async Task An_empty_segment_or_an_encoded_slash_does_not_match_a_route(string path) =>
        await Expect.ErrorAsync(await Controller.GetAsync(path), 404, $"Not found: '{path}'");

    [Theory]
    [InlineData("POST", "/V1/processes")]
    [InlineData("PUT", "/v1/processes/")]
    [InlineData("PUT", "/v1/nfvs/abc")]
    public async Task A_path_that_matches_no_route_exactly_is_404_whatever_the_method(string method, string path) =>
        await Expect.ErrorAsync(await Controller.SendAsync(method, path, "{}"), 404, $"Not found: '{path}'");

    [Fact]
    public async Task Options_is_405_with_the_allowed_methods()
    {
        var response = await Controller.SendAsync("OPTIONS", "/v1/nfvs/1");
        await Expect.ErrorAsync(response, 405, "Method not allowed.");
        Assert.Equal(["GET", "DELETE"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("%D9%A3")]
    public async Task A_client_id_that_is_not_ascii_digits_does_not_match_the_route(string id) =>
        await Expect.ErrorAsync(await Controller.GetAsync($"/v1/nfvs/{id}"), 404, $"Not found: '/v1/nfvs/{id}'");

    [Fact]
    public async Task A_client_id_with_leading_zeros_is_read_in_base_10()
    {
        var status = await Expect.JsonElementAsync(await Controller.GetAsync("/v1/nfvs/01"));
        Assert.Equal(1, status.GetProperty("client-id").GetInt32());
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("007", "7")]
    [InlineData("0", "0")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    public async Task An_id_without_a_registered_process_is_404_in_canonical_decimal(string id, string shown) =>
        await Expect.ErrorAsync(await Controller.GetAsync($"/v1/nfvs/{id}"), 404, $"sec_id {shown} not found.");

    [Fact]
    public async Task An_id_registered_with_another_type_is_not_found()
    {
        await Controller.ConnectAsync(EmulatedKind.Vf, 2);
        await Expect.ErrorAsync(await Controller.GetAsync("/v1/nfvs/2"), 404, "sec_id 2 not found.");
        await Expect.ErrorAsync(await Controller.GetAsync("/v1/vfs/1"), 404, "sec_id 1 not found.");
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_the_allowed_methods()
    {
        var response = await Controller.PostAsync("/v1/processes", "{}");
        await Expect.ErrorAsync(response, 405, "Method not allowed.");
        Assert.Equal(["GET"], response.Content.Headers.Allow);

        response = await Controller.PutAsync("/v1/nfvs/1", "{}");
        await Expect.ErrorAsync(response, 405, "Method not allowed.");
        Assert.Equal(["GET", "DELETE"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_query_string_is_ignored()
    {
        var status = await Expect.JsonElementAsync(await Controller.GetAsync("/v1/nfvs/1?verbose=1"));
        Assert.Equal(1, status.GetProperty("client-id").GetInt32());
    }

    [Fact]
    public async Task The_process_is_looked_up_before_the_body_is_read()
    {
        await Expect.ErrorAsync(await Controller.PutAsync("/v1/nfvs/9/ports", "not json"), 404, "sec_id 9 not found.");
        await Expect.ErrorAsync(await Controller.PutAsync("/v1/primary/ports", "not json"), 404, "primary not found.");
    }

    [Fact]
    public async Task Head_is_answered_as_get_without_a_body()
    {
        var response = await Controller.SendAsync("HEAD", "/v1/processes");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
