using Microsoft.Playwright;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>
/// Shared by every browser test: one app on Kestrel with the demo data, and the Playwright driver. The tests run one
/// after the other (one collection), each starting the browsers of its own people and working on data of its own.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    public BrowserApp App { get; } = new();
    public IPlaywright Playwright { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // The driver must never fetch a browser: Debian's chromium is used (see Chromium).
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Generous waits: the suite must also pass on a busy two-core CI machine; a passing wait returns at once.
        Assertions.SetDefaultExpectTimeout(20_000);
        App.Start();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        Playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "Browser";
}
