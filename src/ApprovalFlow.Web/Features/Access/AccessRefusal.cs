using Microsoft.AspNetCore.Authorization;

namespace ApprovalFlow.Web.Features.Access;

/// <summary>
/// Why an authorisation handler refused, with the status the caller is answered: 404 where the resource must not
/// even be known to exist (another enterprise's or county's), 403 where the caller may know it but not act, 409 where
/// the action is right but must go through another route (an approval case's task through the approval commands).
/// </summary>
public sealed class AccessRefusal(IAuthorizationHandler handler, int status, string message)
    : AuthorizationFailureReason(handler, message)
{
    public int Status { get; } = status;

    /// <summary>The first refusal of a failed check, or a plain 403.</summary>
    public static (int Status, string Message) Of(AuthorizationResult result) =>
        result.Failure?.FailureReasons.OfType<AccessRefusal>().FirstOrDefault() is { } refusal
            ? (refusal.Status, refusal.Message)
            : (StatusCodes.Status403Forbidden, Ui.Shell.L.T("无权执行此操作。", "You may not do this."));
}
