using System.Runtime.CompilerServices;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser tests. A test opens the browsers of the people it needs with <see cref="OpenAsync"/> inside
/// <see cref="ScenarioAsync"/>, which closes them at the end and, when the test fails, first keeps each browser's
/// screenshot and trace in TestResults/browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserWorld world)
{
    private readonly List<BrowserSession> _sessions = [];

    protected BrowserWorld World { get; } = world;
    protected BrowserApp App => World.App;

    protected async Task<BrowserSession> OpenAsync(string who)
    {
        var session = await BrowserSession.StartAsync(World.Playwright, App, who);
        _sessions.Add(session);
        return session;
    }

    /// <summary>A browser for <paramref name="email"/>, signed in.</summary>
    protected async Task<BrowserSession> SignedInAsync(string email)
    {
        var session = await OpenAsync(email.Split('@')[0]);
        await session.SignInAsync(email);
        return session;
    }

    protected async Task ScenarioAsync(Func<Task> body, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch
        {
            foreach (var session in _sessions)
                await session.SaveFailureArtifactsAsync($"{GetType().Name}.{test}");
            throw;
        }
        finally
        {
            foreach (var session in _sessions)
                await session.DisposeAsync();
            _sessions.Clear();
        }
    }
}
