namespace ApprovalFlow.Web.Features.Audit;

/// <summary>The actor of the command being run: the HTTP request's user, else "system".</summary>
public sealed class AuditActorSource(IHttpContextAccessor http)
{
    public AuditActor Current() => http.HttpContext is { } context ? AuditActor.Of(context.User) : AuditActor.System;
}
