using Spp.Emulator;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>rest-api.md 1.3: every PUT and POST body is one JSON object, whatever its content type.</summary>
public sealed class RequestBodyTests() : ProcessTestBase(EmulatedKind.Nfv, 1)
{
    [Theory]
    [InlineData("not json")]
    [InlineData("{\"action\":\"add\"")]
    [InlineData("{\"action\":\"add\",\"port\":\"ring:0\"} trailing")]
    [InlineData("{'action':'add'}")]
    [InlineData("   ")]
    public async Task Text_that_is_not_exactly_one_json_value_is_not_json(string body) =>
        await RejectsAsync(400, "Not in json format.", () => Controller.PutAsync("/v1/nfvs/1/ports", body));

    [Fact]
    public async Task An_empty_body_is_not_json_whatever_the_content_type()
    {
        await RejectsAsync(400, "Not in json format.", () => Controller.SendAsync("PUT", "/v1/nfvs/1/ports", "", "application/json"));
        await RejectsAsync(400, "Not in json format.", () => Controller.SendAsync("PUT", "/v1/nfvs/1/ports", null));
    }

    [Fact]
    public async Task Invalid_utf8_is_not_json()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/v1/nfvs/1/ports")
        {
            Content = new ByteArrayContent([(byte)'{', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)':', (byte)'1', (byte)'}']),
        };
        await RejectsAsync(400, "Not in json format.", () => Controller.Http.SendAsync(request));
    }

    [Theory]
    [InlineData("[\"action\",\"port\"]")]
    [InlineData("\"add\"")]
    [InlineData("123")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task Json_that_is_not_an_object_is_rejected(string body) =>
        await RejectsAsync(400, "Request body must be a JSON object.", () => Controller.PutAsync("/v1/nfvs/1/ports", body));

    [Fact]
    public async Task A_body_over_one_mebibyte_is_too_large()
    {
        var body = "{\"action\":\"" + new string('a', 1024 * 1024) + "\"}";
        await RejectsAsync(413, "Request body too large.", () => Controller.PutAsync("/v1/nfvs/1/forward", body));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task The_content_type_is_not_checked(string? contentType)
    {
        var sent = await Sent.DuringAsync(Process, async () =>
            await Expect.NoContentAsync(await Controller.SendAsync("PUT", "/v1/nfvs/1/forward", "{\"action\":\"start\"}", contentType)));
        Assert.Equal(["forward"], sent);
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_skipped()
    {
        var sent = await Sent.DuringAsync(Process, async () =>
            await Expect.NoContentAsync(await Controller.PutAsync("/v1/nfvs/1/forward", "\uFEFF{\"action\":\"stop\"}")));
        Assert.Equal(["stop"], sent);
    }

    [Fact]
    public async Task When_a_member_occurs_twice_the_last_one_wins()
    {
        var sent = await Sent.DuringAsync(Process, async () =>
            await Expect.NoContentAsync(await Controller.PutAsync("/v1/nfvs/1/forward", "{\"action\":\"bogus\",\"action\":\"start\"}")));
        Assert.Equal(["forward"], sent);
    }

    [Fact]
    public async Task Members_not_named_by_the_endpoint_are_ignored()
    {
        var sent = await Sent.DuringAsync(Process, async () =>
            await Expect.NoContentAsync(await Controller.PutAsync("/v1/nfvs/1/forward", "{\"action\":\"start\",\"extra\":[1,2]}")));
        Assert.Equal(["forward"], sent);
    }

    [Fact]
    public async Task A_body_sent_with_get_or_delete_is_ignored()
    {
        await Expect.JsonAsync(await Controller.SendAsync("GET", "/v1/nfvs/1", "not json"));
        await Expect.NoContentAsync(await Controller.SendAsync("DELETE", "/v1/nfvs/1/patches", "not json"));
    }
}
