using System.Diagnostics;
using Microsoft.Playwright;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (which is never let to fetch a browser of its own). When
/// chromium is missing it is installed with apt-get if the tests run as root; otherwise the tests fail and say how.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? chromium;

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        playwright = await Playwright.CreateAsync();
        chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <summary>A new tab in a fresh browser context (its own session storage), whose script errors are collected.</summary>
    public async Task<BrowserTab> OpenAsync(string url)
    {
        var context = await chromium!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var tab = new BrowserTab(context, page);
        await page.GotoAsync(url);
        return tab;
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        playwright?.Dispose();
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath)) return;
        if (Environment.UserName != "root")
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: install it with `sudo apt-get install -y chromium`.");
        await RunAsync("apt-get", "update");
        await RunAsync("apt-get", "install -y chromium");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"`apt-get install -y chromium` did not install {ChromiumPath}.");
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{program} {arguments}` exited with {process.ExitCode}: {await errors}{await output}");
    }
}

/// <summary>
/// The browser tests run alone: chromium's bursts of CPU would otherwise weigh on the timing of other tests, and
/// theirs on the one-second promises these tests check.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
