using System.Globalization;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>The Blazor UI: interactive server components, MudBlazor, the sign-in cookie and the UI language.</summary>
public static class UiRegistration
{
    /// <summary>The scheme AddIdentityApiEndpoints makes the default (IdentityConstants keeps its name internal).</summary>
    public const string IdentityApiScheme = "Identity.BearerAndApplication";

    public static WebApplicationBuilder AddApprovalFlowUi(this WebApplicationBuilder builder)
    {
        // MudBlazor's files come from its package: served from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingCallerState>();
        services.AddMudServices();
        services.AddScoped<UiDomain>();
        services.AddScoped<UserTime>();
        services.AddScoped<UnreadMessages>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = L.Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(L.Chinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only the cookie the switch sets chooses: the browser's language does not (zh-CN is the default for everyone).
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = UiRoutes.Login;
            o.AccessDeniedPath = UiRoutes.AccessDenied;
        });
        // Identity's API scheme challenges with the bearer scheme (401). Pages must send the browser to the sign-in
        // page instead, so outside /api challenges go to the cookie; authentication itself still tries both.
        services.PostConfigure<AuthenticationSchemeOptions>(IdentityApiScheme, o =>
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api")
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);
        return builder;
    }

    /// <summary>Before authentication: the UI language of the request.</summary>
    public static WebApplication UseApprovalFlowUiCulture(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>After authorization: antiforgery for forms, the static assets, the pages and the account endpoints.</summary>
    public static WebApplication MapApprovalFlowUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        // The app's own Content-Security-Policy (SecurityHeaders) says frame-ancestors 'none'; Blazor's 'self' would loosen nothing
        // but would be a second policy header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

        app.MapPost(UiRoutes.Logout, async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(UiRoutes.Login);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        app.MapGet(UiRoutes.Culture, (string? culture, string? redirectUri, HttpContext context) =>
        {
            var chosen = L.Cultures.Contains(culture) ? culture! : L.Chinese;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = redirectUri is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") && !r.StartsWith("/\\") ? r : "/";
            return TypedResults.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
