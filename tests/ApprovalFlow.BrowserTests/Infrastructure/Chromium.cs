using Microsoft.Playwright;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright: never a downloaded browser. <c>APPROVALFLOW_CHROMIUM</c> names the
/// executable (test.sh exports it; /usr/bin/chromium otherwise). Each person in a test gets a browser of their own on
/// a fresh user-data directory, so sign-ins never share cookies.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("APPROVALFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The flags of the issue; the fresh user-data directory is given as Playwright's userDataDir, since
    /// Playwright refuses a <c>--user-data-dir</c> argument.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public const int Width = 1366;
    public const int Height = 900;

    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string userDataDir)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"No chromium at {ExecutablePath}: run ./test.sh (it installs Debian's chromium) or set APPROVALFLOW_CHROMIUM.");
        return playwright.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
        });
    }
}
