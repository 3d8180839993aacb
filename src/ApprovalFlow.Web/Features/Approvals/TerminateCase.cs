using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// An administrator terminates a running case (终止) with a reason: its instance ends as terminated with its tasks
/// withdrawn, its open steps become withdrawn (案件终止), and the case ends — so it is no longer chased and its
/// project may start a new case. The one way to end an approval case early (the generic cancel refuses it).
/// </summary>
public sealed record TerminateCase(Actor Actor, Guid CaseId, string? Reason) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "case";

    public string? SubjectId => CaseId.ToString();
}

public sealed class TerminateCaseHandler(AppDbContext db, WorkflowEngine engine, CaseTransitionContext context, ISender sender)
    : ICommandHandler<TerminateCase, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(TerminateCase command, CancellationToken ct)
    {
        if (!command.Actor.IsAdministrator)
        {
            throw RefusedException.Forbidden(L.T("只有管理员可以终止审批案件。", "Only an administrator terminates an approval case."));
        }
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            throw RefusedException.Invalid("reason", L.T("请说明终止的理由（不超过 2000 字）。", "Say why the case is terminated, at most 2000 characters."));
        }
        var found = await db.Set<ApprovalCase>().AsNoTracking().Where(c => c.Id == command.CaseId)
            .Select(c => new { c.InstanceId, c.Status }).SingleOrDefaultAsync(ct)
            ?? throw RefusedException.NotFound(L.T("该案件不存在或您无权查看。", $"Case {command.CaseId} does not exist."));
        if (found.Status != ApprovalCaseStatus.Running)
        {
            throw RefusedException.Conflict(L.T("案件已结束，不能再终止。", "The case has ended already; it cannot be terminated."));
        }

        // The StepKeeper withdraws the open steps and ends the case inside the cancelling transition.
        context.Annotate(null, L.T($"案件终止：{reason}", $"case terminated: {reason}"));
        await engine.CancelInstanceAsync(found.InstanceId, reason, command.Actor.Name, ct);
        return await sender.Send(new GetCase(command.Actor, command.CaseId), ct);
    }
}
