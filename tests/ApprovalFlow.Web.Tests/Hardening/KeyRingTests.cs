using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Hardening;

/// <summary>
/// The data-protection keys live in the application database: a server started later (a fresh container) or a second
/// server on the same database accepts the cookies and bearer tokens the first one issued; without the rows it cannot.
/// </summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalflow-tests", "keyring-" + Guid.NewGuid().ToString("N"));
    private readonly List<WebAppFactory> _servers = [];
    private string? _postgresDatabase;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        if (_postgresDatabase is not null) await PostgresWebAppFactory.DropDatabaseAsync(_postgresDatabase);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>One app server on the shared database (the SQLite file in one folder, or one PostgreSQL database).</summary>
    private sealed class Server(string? postgres, string folder, IReadOnlyDictionary<string, string?> extra) : WebAppFactory
    {
        protected override void ConfigureDatabase(IWebHostBuilder builder)
        {
            builder.UseSetting("ApprovalFlow:DemoAccounts", "true");
            if (postgres is null)
            {
                builder.UseSetting("Database:Provider", "Sqlite");
                builder.UseSetting("ApprovalFlow:DataFolder", folder);
            }
            else
            {
                builder.UseSetting("Database:Provider", "Postgres");
                builder.UseSetting("ConnectionStrings:ApprovalFlow", postgres);
            }
            foreach (var (key, value) in extra) builder.UseSetting(key, value);
        }
    }

    private async Task<string?> DatabaseAsync(string provider)
    {
        if (provider == "Sqlite") return null;
        _postgresDatabase = "approvalflow_keys_" + Guid.NewGuid().ToString("N");
        return await PostgresWebAppFactory.CreateDatabaseAsync(_postgresDatabase);
    }

    private Server Start(string? postgres, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var server = new Server(postgres, _folder, extra ?? new Dictionary<string, string?>());
        _servers.Add(server);
        _ = server.Services; // starts the host
        return server;
    }

    private static HttpClient NoCookies(WebAppFactory server) =>
        server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private static async Task<(string Bearer, string Cookie)> SignInAsync(WebAppFactory server)
    {
        var client = NoCookies(server);
        var bearer = await client.PostAsJsonAsync("/api/auth/login", new { email = Accounts.Officer.Email, password = DemoAccount.Password });
        bearer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await bearer.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
        var cookie = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Accounts.Officer.Email, password = DemoAccount.Password });
        cookie.StatusCode.ShouldBe(HttpStatusCode.OK);
        var setCookie = cookie.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return (token, setCookie[..setCookie.IndexOf(';')]);
    }

    private static async Task<HttpStatusCode> AskAsync(WebAppFactory server, string? bearer = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inbox/unread-count");
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return (await NoCookies(server).SendAsync(request)).StatusCode;
    }

    private static async Task<List<string>> KeyXmlAsync(WebAppFactory server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_later_server_and_a_second_server_accept_the_first_ones_cookie_and_token_from_the_keys_in_the_database(string provider)
    {
        var database = await DatabaseAsync(provider);
        var first = Start(database);
        var (bearer, cookie) = await SignInAsync(first);
        (await AskAsync(first, bearer: bearer)).ShouldBe(HttpStatusCode.OK);
        (await AskAsync(first, cookie: cookie)).ShouldBe(HttpStatusCode.OK);
        var keys = await KeyXmlAsync(first);
        keys.Count.ShouldBe(1);
        keys[0].ShouldContain("<key id=");

        // A second server beside it, then the first one gone and a fresh one in its place.
        var second = Start(database);
        (await AskAsync(second, bearer: bearer)).ShouldBe(HttpStatusCode.OK);
        (await AskAsync(second, cookie: cookie)).ShouldBe(HttpStatusCode.OK);
        await first.DisposeAsync();
        var fresh = Start(database);
        (await AskAsync(fresh, bearer: bearer)).ShouldBe(HttpStatusCode.OK);
        (await AskAsync(fresh, cookie: cookie)).ShouldBe(HttpStatusCode.OK);
        (await KeyXmlAsync(fresh)).Count.ShouldBe(1, "the servers share one key instead of making their own");

        // The keys come from the database and nowhere else: without the rows a new server cannot read the token.
        await using (var scope = fresh.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ExecuteDeleteAsync();
        }
        var keyless = Start(database);
        (await AskAsync(keyless, bearer: bearer)).ShouldBe(HttpStatusCode.Unauthorized);
        (await AskAsync(keyless, cookie: cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_at_rest_and_a_server_with_the_certificate_reads_them()
    {
        Directory.CreateDirectory(_folder);
        var pfx = Path.Combine(_folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ApprovalFlow keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret-pfx"));
        }
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "secret-pfx",
        };

        var first = Start(null, settings);
        var (bearer, _) = await SignInAsync(first);
        var xml = (await KeyXmlAsync(first)).Single();
        xml.ShouldContain("encryptedSecret");
        xml.ShouldNotContain("<masterKey");

        var second = Start(null, settings);
        (await AskAsync(second, bearer: bearer)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void A_certificate_path_that_names_no_file_stops_the_start_with_the_settings_name()
    {
        var server = new Server(null, _folder, new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Path.Combine(_folder, "missing.pfx") });
        _servers.Add(server);
        var failure = Should.Throw<InvalidOperationException>(() => server.Services);
        failure.Message.ShouldContain("DataProtection:CertificatePath");
    }
}
