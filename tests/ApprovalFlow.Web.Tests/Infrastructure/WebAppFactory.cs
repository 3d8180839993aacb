using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file in a temp data folder of its own, Hangfire off unless a
/// subclass turns it on. Environment "Testing"; demo accounts switched on for SQLite, no demo data unless asked.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } =
        Path.Combine(Path.GetTempPath(), "approvalflow-tests", Guid.NewGuid().ToString("N"));

    protected virtual bool HangfireEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ApprovalFlow:DataFolder", DataFolder);
        builder.UseSetting("Hangfire:Enabled", HangfireEnabled ? "true" : "false");
        // Every test client signs in from one address many times a minute; the sign-in limit per address has tests of
        // its own (SignInLimitTests), which keep the production value or set their own.
        builder.UseSetting("SignIn:PermitsPerAddressPerMinute", "100000");
        ConfigureDatabase(builder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Settings a test class gives its app on top of the ones above.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected virtual void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        // The tests sign in as the demo accounts: on SQLite they are switched on as the README's demo has them (the
        // "Testing" environment is not the demo); servers on PostgreSQL seed none, as in production.
        builder.UseSetting("ApprovalFlow:DemoAccounts", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Hangfire's SQLite storage may still hold its file; the temp folder is left to the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
