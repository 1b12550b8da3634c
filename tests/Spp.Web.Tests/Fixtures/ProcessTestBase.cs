using Spp.Emulator;

namespace Spp.Web.Tests.Fixtures;

/// <summary>A daemon with one emulated process connected, and assertions on what that process was sent.</summary>
public abstract class ProcessTestBase(EmulatedKind kind, int clientId) : IAsyncLifetime
{
    protected Controller Controller { get; private set; } = null!;
    protected EmulatedProcess Process { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Controller = await Controller.StartAsync();
        Process = await Controller.ConnectAsync(kind, clientId);
    }

    public async Task DisposeAsync() => await Controller.DisposeAsync();

    /// <summary>The request succeeds with 204 and exactly these commands reach the process.</summary>
    protected async Task SendsAsync(string[] commands, Func<Task<HttpResponseMessage>> request)
    {
        var sent = await Sent.DuringAsync(Process, async () => await Expect.NoContentAsync(await request()));
        Assert.Equal(commands, sent);
    }

    /// <summary>The request fails with 400 and this message, and nothing reaches the process.</summary>
    protected Task RejectsAsync(string message, Func<Task<HttpResponseMessage>> request) => RejectsAsync(400, message, request);

    /// <summary>The request fails with this status and message, and nothing reaches the process.</summary>
    protected async Task RejectsAsync(int status, string message, Func<Task<HttpResponseMessage>> request)
    {
        var sent = await Sent.DuringAsync(Process, async () => await Expect.ErrorAsync(await request(), status, message));
        Assert.Empty(sent);
    }
}
