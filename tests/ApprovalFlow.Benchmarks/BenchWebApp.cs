using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// The real web app in this process, served by Kestrel on a free port of 127.0.0.1: the embedded default (SQLite in a
/// temp data folder, demo accounts seeded) or a PostgreSQL database. The data folder is deleted on dispose.
/// </summary>
public sealed class BenchWebApp : WebApplicationFactory<DemoAccount>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"af-bench-web-{Guid.NewGuid():N}");

    /// <param name="settings">Configuration on top of the app's own (e.g. Database:Provider, Hangfire:Enabled).</param>
    public BenchWebApp(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = settings;
        UseKestrel(0);
    }

    /// <summary>The app's project folder above the working directory, if the working directory lies in the repository.</summary>
    private static string? ProjectFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "ApprovalFlow.Web");
            if (File.Exists(Path.Combine(web, "ApprovalFlow.Web.csproj"))) return web;
        }
        return null;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("ApprovalFlow:DataFolder", DataFolder);
        // The embedded demo's accounts and data, which the scenarios sign in with (a scenario's settings may say otherwise).
        builder.UseSetting("ApprovalFlow:DemoAccounts", "true");
        builder.UseSetting("ApprovalFlow:DemoData", "true");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // Request and job logging at Information would cost more than the requests; keep warnings.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // A chase with nobody to notify (bulk-loaded cases have no department heads) warns once per chase.
        builder.UseSetting("Logging:LogLevel:ApprovalFlow.Web.Features.Chasing", "Error");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Starts the server and answers its base address.</summary>
    public Uri Start()
    {
        // The factory looks for the app's folder next to a solution file above the output folder, which an
        // --artifacts-path outside the repository lacks: name it for this start only (other factories in the same
        // process, e.g. in the test suite, keep their own way of finding it).
        const string variable = "ASPNETCORE_TEST_CONTENTROOT_APPROVALFLOW_WEB";
        var before = Environment.GetEnvironmentVariable(variable);
        if (before is null && ProjectFolder() is { } folder) Environment.SetEnvironmentVariable(variable, folder);
        try
        {
            StartServer();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
        using var client = CreateClient();
        return client.BaseAddress ?? throw new InvalidOperationException("Kestrel has no address.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Hangfire's storage may still hold its file; the temp folder is left to the OS.
        }
    }
}
