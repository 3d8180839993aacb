using System.Security.Cryptography;

namespace ApprovalFlow.Web.Hardening;

/// <summary>
/// Security headers on every answer. The Content-Security-Policy allows what Blazor Server, MudBlazor and bpmn-js need and
/// nothing more: scripts only from the app itself plus the one inline script Blazor writes (the import map), which carries
/// this request's nonce; styles from the app and inline (MudBlazor and bpmn-js set style attributes and add style elements);
/// images and fonts from the app and <c>data:</c> URLs (bpmn-js's icons); connections (the Blazor circuit's WebSocket) to
/// the app only; never framed (<c>frame-ancestors 'none'</c>). The Hangfire dashboard, which writes inline scripts of its
/// own, gets only <c>frame-ancestors 'none'</c>.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "approvalflow:csp-nonce";

    /// <summary>The nonce of this request's inline scripts (empty outside a request that went through this middleware).</summary>
    public static string NonceOf(HttpContext? context) => context?.Items[NonceKey] as string ?? "";

    public static string PolicyFor(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Hex: no character that HTML encoding would change in the attribute.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? "frame-ancestors 'none'" : PolicyFor(nonce);
        return next(context);
    }
}
