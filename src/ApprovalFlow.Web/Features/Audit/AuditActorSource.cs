namespace ApprovalFlow.Web.Features.Audit;

/// <summary>The actor of the command being run: the UI's signed-in user, else the HTTP request's user, else "system".</summary>
public sealed class AuditActorSource(IHttpContextAccessor http)
{
    /// <summary>Set by the UI (Ui/Shell/UiDomain) in the scope it sends a command from: a Blazor circuit has no HTTP request.</summary>
    public System.Security.Claims.ClaimsPrincipal? User { get; set; }

    public AuditActor Current() =>
        User is { } user ? AuditActor.Of(user) : http.HttpContext is { } context ? AuditActor.Of(context.User) : AuditActor.System;
}
