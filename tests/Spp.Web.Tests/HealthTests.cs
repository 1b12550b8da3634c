using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Spp.Actors;
using Spp.Emulator;
using Spp.Web.Observability;
using Spp.Web.Tests.Fixtures;

namespace Spp.Web.Tests;

/// <summary>/healthz: the process is alive. /readyz: the listeners are bound; the processes and the primary.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private Controller controller = null!;

    public async Task InitializeAsync() => controller = await Controller.StartAsync();

    public async Task DisposeAsync() => await controller.DisposeAsync();

    private async Task<(int Status, string Body)> GetAsync(string path)
    {
        var response = await controller.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_healthy_while_the_process_runs() =>
        Assert.Equal((200, """{"status":"Healthy"}"""), await GetAsync("/healthz"));

    [Fact]
    public async Task Readyz_without_a_primary_is_ready_but_degraded() =>
        Assert.Equal((200, """{"status":"Degraded","description":"no primary connected","listeners":"bound","processes":0,"primary":false}"""),
            await GetAsync("/readyz"));

    [Fact]
    public async Task Readyz_follows_the_primary_as_it_connects_and_disconnects()
    {
        await controller.ConnectAsync(EmulatedKind.Nfv, 1);
        Assert.Equal((200, """{"status":"Degraded","description":"no primary connected","listeners":"bound","processes":1,"primary":false}"""),
            await GetAsync("/readyz"));

        var primary = await controller.ConnectAsync(EmulatedKind.Primary, 0, Controller.FastEmulator with { RetryInterval = TimeSpan.FromHours(1) });
        Assert.Equal((200, """{"status":"Healthy","description":"primary connected","listeners":"bound","processes":2,"primary":true}"""),
            await GetAsync("/readyz"));

        await primary.DisconnectAsync();
        await controller.WaitUntilNotListedAsync(Controller.Listing(EmulatedKind.Primary, 0));
        Assert.Equal((200, """{"status":"Degraded","description":"no primary connected","listeners":"bound","processes":1,"primary":false}"""),
            await GetAsync("/readyz"));
    }

    [Fact]
    public async Task Readiness_is_unhealthy_until_the_listeners_are_bound()
    {
        var check = new ReadinessCheck(new NotStarted(), new ProcessDirectory(), () => true);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("listeners not bound", result.Description);
    }

    [Fact]
    public async Task Readiness_is_unhealthy_while_an_spp_port_is_bound_again()
    {
        var check = new ReadinessCheck(new Started(), new ProcessDirectory(), () => false);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("listeners not bound", result.Description);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    public async Task Operator_endpoints_answer_head_and_refuse_other_methods(string path)
    {
        var head = await controller.SendAsync("HEAD", path);
        Assert.Equal(200, (int)head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        var post = await controller.PostAsync(path, "{}");
        Assert.Equal(405, (int)post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/v1/healthz")]
    [InlineData("/v1/metrics")]
    [InlineData("/healthz/v1")]
    [InlineData("/openapi/v2.json")]
    public async Task Everything_else_is_still_404_not_found(string path) =>
        await Expect.ErrorAsync(await controller.GetAsync(path), 404, $"Not found: '{path}'");

    private sealed class Started : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }

    private sealed class NotStarted : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
