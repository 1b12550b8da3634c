using Microsoft.Playwright;

namespace Spp.Web.Tests.Fixtures;

/// <summary>One page in its own browser context, with every script error and console error it reported.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    public BrowserTab(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => Record($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Record($"console error: {message.Text}");
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors) return [.. errors];
        }
    }

    private void Record(string error)
    {
        lock (errors) errors.Add(error);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
