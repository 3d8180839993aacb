using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ApprovalFlow.Web.Features.DemoData;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>
/// The real app served by Kestrel on a free loopback port, so that a real browser can reach it: the embedded default
/// (a SQLite file in a temp data folder of its own) with the demo accounts and the demo data, environment "Testing"
/// like the other test hosts, Hangfire off.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public string DataFolder { get; } =
        Path.Combine(Path.GetTempPath(), "approvalflow-browser-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The address the browser opens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public BrowserApp()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ApprovalFlow:DataFolder", DataFolder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Hangfire:Enabled", "false");
        builder.UseSetting("ApprovalFlow:DemoAccounts", "true");
        builder.UseSetting(DemoDataSeeder.Setting, "true");
        // One browser signs in many times a minute from the loopback address.
        builder.UseSetting("SignIn:PermitsPerAddressPerMinute", "100000");
    }

    /// <summary>Starts Kestrel (migrations, seeding and demo data run before it listens) and reads the port it took.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new Uri(addresses.First());
    }

    public string Url(string relative) => new Uri(BaseAddress, relative).ToString();

    /// <summary>A plain HTTP client over the loopback port, signed in through the public API with a bearer token.</summary>
    public async Task<HttpClient> ApiAsync(string email, string password = DemoAccount.Password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResponse>()
            ?? throw new InvalidOperationException("The login response had no body.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.AccessToken);
        return client;
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
            // A file still held open is left to the OS's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record LoginResponse([property: JsonPropertyName("accessToken")] string AccessToken);
}
