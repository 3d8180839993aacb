using System.Text.RegularExpressions;
using ApprovalFlow.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>
/// One person at their own browser: a chromium on a fresh user-data directory, one page, tracing on so that a failing
/// test leaves a trace beside its screenshot.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>
    /// Marks the page interactive once the Blazor circuit has rendered the layout: the layout's first interactive render
    /// asks the browser for its time zone through <c>approvalFlow.timeZone</c>, which this wraps. Clicking a
    /// prerendered page before that would be lost.
    /// </summary>
    private const string InteractiveProbe = """
        (() => {
          let helpers;
          Object.defineProperty(window, 'approvalFlow', {
            configurable: true,
            get() { return helpers; },
            set(value) {
              const timeZone = value && value.timeZone;
              if (typeof timeZone === 'function') {
                value.timeZone = (...args) => { window.__afInteractive = true; return timeZone.apply(value, args); };
              }
              helpers = value;
            },
          });
        })();
        """;

    private readonly BrowserApp _app;
    private readonly string _userDataDir;
    private bool _tracing;

    public string Name { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }

    private BrowserSession(string name, BrowserApp app, string userDataDir, IBrowserContext context, IPage page)
    {
        Name = name;
        _app = app;
        _userDataDir = userDataDir;
        Context = context;
        Page = page;
    }

    public static async Task<BrowserSession> StartAsync(IPlaywright playwright, BrowserApp app, string name)
    {
        var userDataDir = Directory.CreateTempSubdirectory("approvalflow-chromium-").FullName;
        var context = await Chromium.LaunchAsync(playwright, userDataDir);
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        await context.AddInitScriptAsync(InteractiveProbe);
        await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Title = name });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var session = new BrowserSession(name, app, userDataDir, context, page) { _tracing = true };
        return session;
    }

    public string Url(string relative) => _app.Url(relative);

    /// <summary>Opens a page of the app and waits until it is interactive.</summary>
    public async Task GoToAsync(string relative)
    {
        await Page.GotoAsync(Url(relative));
        await WaitInteractiveAsync();
    }

    public Task WaitInteractiveAsync() =>
        Page.WaitForFunctionAsync("() => window.__afInteractive === true", null, new() { Timeout = 30_000 });

    /// <summary>Signs in on the sign-in page and waits for the page the app sends the person to.</summary>
    public async Task SignInAsync(string email, string password = DemoAccount.Password)
    {
        await Page.GotoAsync(Url("/account/login"));
        await Page.GetByTestId("login-email").FillAsync(email);
        await Page.GetByTestId("login-password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 30_000 });
        await WaitInteractiveAsync();
    }

    public async Task ExpectPathAsync(string path) =>
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(_app.BaseAddress.ToString().TrimEnd('/') + path) + "(\\?.*)?$"));

    /// <summary>Keeps what shows how the test failed: a full-page screenshot and the Playwright trace.</summary>
    public async Task SaveFailureArtifactsAsync(string testName)
    {
        Directory.CreateDirectory(Repository.FailureArtifacts);
        var stem = Path.Combine(Repository.FailureArtifacts, $"{testName}-{Name}");
        try
        {
            await Page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the trace still tells.
        }
        if (_tracing)
        {
            _tracing = false;
            await Context.Tracing.StopAsync(new() { Path = stem + ".trace.zip" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_tracing)
            {
                _tracing = false;
                await Context.Tracing.StopAsync();
            }
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
        }
        try
        {
            Directory.Delete(_userDataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
