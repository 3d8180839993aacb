using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Hardening;

/// <summary>The app on Kestrel on a free loopback port: real sockets, so the client's address is the TCP peer's.</summary>
public sealed class KestrelWebAppFactory : WebAppFactory
{
    public KestrelWebAppFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri Start()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

/// <summary>HTTPS redirection, HSTS, forwarded headers and the security headers, over HTTP.</summary>
public sealed partial class HttpHardeningTests : IAsyncLifetime
{
    private readonly List<WebAppFactory> _factories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories) await factory.DisposeAsync();
    }

    private T Track<T>(T factory) where T : WebAppFactory
    {
        _factories.Add(factory);
        return factory;
    }

    private sealed class DevelopmentFactory : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_a_csp_that_forbids_framing_and_foreign_scripts()
    {
        var app = Track(new WebAppFactory());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/account/login", "/api/definitions", "/health/live", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], path);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], path);
            response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"], path);
            var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem(path);
            var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            directives.ShouldContain("default-src 'self'");
            directives.ShouldContain("frame-ancestors 'none'");
            directives.ShouldContain("object-src 'none'");
            directives.Single(d => d.StartsWith("script-src ")).ShouldNotContain("unsafe");
        }
    }

    [Fact]
    public async Task The_site_icon_is_served_and_every_page_names_it()
    {
        var app = Track(new WebAppFactory());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Browsers ask for /favicon.ico on every page; it is there, an icon, not a 404.
        var icon = await client.GetAsync("/favicon.ico");
        icon.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        bytes[..4].ShouldBe(new byte[] { 0, 0, 1, 0 }, "an ICO header");
        var page = await client.GetStringAsync("/account/login");
        page.ShouldContain("rel=\"icon\"");
        page.ShouldContain("href=\"favicon.ico\"");
    }

    [Fact]
    public async Task The_one_inline_script_of_a_page_carries_the_nonce_of_its_own_answer()
    {
        var app = Track(new WebAppFactory());
        var client = app.CreateClient();

        var first = await client.GetAsync("/account/login");
        var second = await client.GetAsync("/account/login");

        var nonce = NonceOf(first);
        nonce.ShouldNotBe(NonceOf(second));
        var html = await first.Content.ReadAsStringAsync();
        var inline = ScriptTag().Matches(html).Select(m => m.Value).Where(tag => !tag.Contains(" src=", StringComparison.Ordinal)).ToList();
        inline.ShouldNotBeEmpty("the import map");
        inline.ShouldAllBe(tag => tag.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_development_http_is_redirected_to_https_except_the_health_probes_and_https_answers_carry_hsts()
    {
        var app = Track(new WebAppFactory());
        app.Settings["https_port"] = "443";
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://approvals.example.gov.cn/"),
        });
        var secure = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://approvals.example.gov.cn/"),
        });

        var redirected = await plain.GetAsync("/account/login?returnUrl=%2Finbox");
        redirected.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        redirected.Headers.Location.ShouldBe(new Uri("https://approvals.example.gov.cn/account/login?returnUrl=%2Finbox"));

        var probe = await plain.GetAsync("/health/ready");
        probe.StatusCode.ShouldBe(HttpStatusCode.OK, "a probe over plain HTTP is answered, not redirected (a redirect would count as healthy)");

        var answered = await secure.GetAsync("/account/login");
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        answered.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
    }

    [Fact]
    public async Task In_development_neither_redirection_nor_hsts_is_used()
    {
        var app = Track(new DevelopmentFactory());
        app.Settings["https_port"] = "443";
        app.Settings["ApprovalFlow:DemoAccounts"] = "false";
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("http://approvals.example.gov.cn/"),
        });
        var secure = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://approvals.example.gov.cn/"),
        });

        (await plain.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await secure.GetAsync("/account/login")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static HttpRequestMessage SignIn(string forwardedFor, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = Accounts.Admin.Email, password = DemoAccount.Password }),
        };
        request.Headers.Host = "approvals.example.gov.cn";
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return request;
    }

    [Fact]
    public async Task Behind_the_loopback_proxy_the_client_address_and_scheme_come_from_the_forwarded_headers()
    {
        var app = Track(new KestrelWebAppFactory());
        app.Settings["SignIn:PermitsPerAddressPerMinute"] = "1";
        using var http = new HttpClient { BaseAddress = app.Start() };

        (await http.SendAsync(SignIn("203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.SendAsync(SignIn("203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var other = await http.SendAsync(SignIn("198.51.100.9", forwardedProto: "https"));

        other.StatusCode.ShouldBe(HttpStatusCode.OK, "another client behind the same proxy has its own sign-in limit");
        other.Headers.Contains("Strict-Transport-Security").ShouldBeTrue("the proxy said the client came over HTTPS");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_named_proxy_are_ignored()
    {
        var app = Track(new KestrelWebAppFactory());
        app.Settings["SignIn:PermitsPerAddressPerMinute"] = "1";
        app.Settings["ReverseProxy:KnownProxies:0"] = "10.20.30.40";
        using var http = new HttpClient { BaseAddress = app.Start() };

        (await http.SendAsync(SignIn("203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var spoofed = await http.SendAsync(SignIn("198.51.100.9", forwardedProto: "https"));

        spoofed.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the client cannot choose its own address");
        spoofed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static string NonceOf(HttpResponseMessage response)
    {
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NoncePattern().Match(policy).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        return nonce;
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
