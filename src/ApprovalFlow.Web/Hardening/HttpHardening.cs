using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ApprovalFlow.Web.Hardening;

/// <summary>
/// The HTTP set-up of a real deployment: forwarded headers from the reverse proxies named in <c>ReverseProxy:KnownProxies</c>
/// and <c>ReverseProxy:KnownNetworks</c> (loopback when none is named), HTTPS redirection and HSTS outside Development, and
/// the security headers of <see cref="SecurityHeaders"/> on every answer.
/// </summary>
public static class HttpHardening
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // X-Forwarded-Host is not taken: the proxy passes the Host header on, and a forged host must not reach links.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1);
            if (proxies.Length > 0 || networks.Length > 0)
            {
                // Named proxies replace the loopback default: headers from anyone else are ignored.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
                foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(configuration.GetValue("Https:HstsMaxAgeDays", 365));
            o.IncludeSubDomains = configuration.GetValue("Https:HstsIncludeSubDomains", false);
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Probes call the health endpoints over plain HTTP on the pod's port, and count a redirect as success.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
