using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spp.Web.Http;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>GET /openapi/v1.json describes every /v1 endpoint that is routed, and every example fits its schema.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private Controller controller = null!;
    private JsonElement document;

    public async Task InitializeAsync()
    {
        controller = await Controller.StartAsync();
        document = await Expect.JsonElementAsync(await controller.GetAsync("/openapi/v1.json"));
    }

    public async Task DisposeAsync() => await controller.DisposeAsync();

    /// <summary>Every /v1 endpoint ASP.NET Core routes to, as its table states it.</summary>
    private IEnumerable<ApiEndpoint> Table => controller.Daemon.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .SelectMany(e => e.Metadata.GetOrderedMetadata<ApiEndpoint>());

    private IEnumerable<(string Where, JsonElement Operation)> Operations =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    [Fact]
    public void The_document_is_openapi_3()
    {
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("spp-ctl", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public void Every_routed_v1_endpoint_is_described_with_each_of_its_methods()
    {
        var paths = document.GetProperty("paths");
        var endpoints = Table.ToList();
        // 35 upstream endpoints, 3 aliases, DELETE /v1/primary/, /v1/audit and /v1/events; GET /v1/hosts, and under
        // /v1/hosts/{host} the 39 that serve one host's processes (all but /v1/audit and /v1/events).
        Assert.Equal(41 + 1 + 39, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            Assert.True(paths.TryGetProperty(endpoint.Route, out var path), $"{endpoint.Route} missing");
            Assert.True(path.TryGetProperty(endpoint.Method.ToLowerInvariant(), out var operation), $"{endpoint.Method} {endpoint.Route} missing");
            Assert.NotNull(endpoint.Doc);
            Assert.Equal(endpoint.Doc.Summary, operation.GetProperty("summary").GetString());
        }
        Assert.Equal(endpoints.Count, Operations.Count());
    }

    [Fact]
    public void Every_path_parameter_is_declared()
    {
        foreach (var (where, operation) in Operations)
        {
            var expected = where.Split('/').Where(s => s.StartsWith('{')).Select(s => s[1..^1]).Order().ToList();
            var declared = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order().ToList()
                : [];
            Assert.True(expected.SequenceEqual(declared), $"{where}: {string.Join(",", declared)}");
        }
    }

    [Fact]
    public void Every_operation_states_its_success_status_and_bodies_are_described_where_they_are_read()
    {
        foreach (var (where, operation) in Operations)
        {
            var responses = operation.GetProperty("responses");
            var success = where.StartsWith("GET") || where.Contains("flow_rule") ? "200" : "204";
            Assert.True(responses.TryGetProperty(success, out _), $"{where} lacks {success}");
            var readsBody = where.StartsWith("PUT") || where.StartsWith("POST");
            Assert.Equal(readsBody, operation.TryGetProperty("requestBody", out _));
        }
    }

    [Fact]
    public void Every_example_validates_against_its_schema()
    {
        var checkedExamples = 0;
        foreach (var (where, operation) in Operations)
        {
            var bodies = new List<(string, JsonElement)>();
            if (operation.TryGetProperty("requestBody", out var request)) bodies.Add(("request", request.GetProperty("content").GetProperty("application/json")));
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
                if (response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json))
                    bodies.Add((response.Name, json));
            foreach (var (what, media) in bodies)
            {
                var examples = media.GetProperty("examples").EnumerateObject().ToList();
                Assert.True(examples.Count > 0, $"{where} {what} has no example");
                foreach (var example in examples)
                {
                    var errors = SchemaValidator.Errors(media.GetProperty("schema"), example.Value.GetProperty("value"));
                    Assert.True(errors.Count == 0, $"{where} {what} example '{example.Name}': {string.Join("; ", errors)}");
                    checkedExamples++;
                }
            }
        }
        Assert.True(checkedExamples >= 40, $"only {checkedExamples} examples");
    }

    [Theory]
    [InlineData("PUT", "/v1/nfvs/{client_id}/forward", """{"action":"bogus"}""")]
    [InlineData("PUT", "/v1/nfvs/{client_id}/forward", """{}""")]
    [InlineData("PUT", "/v1/nfvs/{client_id}/ports", """{"action":"add","port":"phy:0"}""")]
    [InlineData("POST", "/v1/vfs/{client_id}/components", """{"name":"a b","core":2,"type":"forward"}""")]
    [InlineData("POST", "/v1/vfs/{client_id}/components", """{"name":"fwd1","core":2.0,"type":"forward"}""")]
    [InlineData("PUT", "/v1/vfs/{client_id}/components/{name}/ports", """{"action":"attach","port":"ring:0","dir":"rx","vlan":{"operation":"add","id":4096,"pcp":0}}""")]
    [InlineData("PUT", "/v1/vfs/{client_id}/classifier_table", """{"action":"add","type":"mac","mac_address":"fa-16-3e-7d-cc-35","port":"ring:0"}""")]
    [InlineData("POST", "/v1/primary/flow_rules/port_id/{port_id}", """{"rule":{"direction":"ingress","pattern":"eth","actions":[]}}""")]
    public void Bodies_the_api_rejects_do_not_validate_against_the_schema(string method, string route, string body)
    {
        var schema = document.GetProperty("paths").GetProperty(route).GetProperty(method.ToLowerInvariant())
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.NotEmpty(SchemaValidator.Errors(schema, JsonElement.Parse(body)));
    }
}
