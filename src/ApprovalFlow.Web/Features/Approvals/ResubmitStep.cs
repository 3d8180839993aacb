using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// The enterprise resubmits corrected material (补正) for a returned step; the step goes back to acceptance. The
/// pledge-system <c>signPledge</c> task is not done this way: it completes only by signing (<see cref="SignCasePledge"/>).
/// </summary>
public sealed record ResubmitStep(Actor Actor, Guid TaskId, string? Note) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ResubmitStepHandler(CaseTaskAccess access, CaseTaskCompletion completion) : ICommandHandler<ResubmitStep, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(ResubmitStep command, CancellationToken ct)
    {
        if (command.Note is { Length: > 2000 }) throw RefusedException.Invalid("note", L.T("说明最多 2000 个字符。", "The note has at most 2,000 characters."));
        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Resubmit, ct);
        if (caseTask.Model.RoleOf(caseTask.Task.ElementId) == TaskRole.SignPledge)
        {
            throw RefusedException.Conflict(
                L.T("该任务是签署承诺书，应通过签署承诺书办理，而不是补正提交。", $"Task {command.TaskId} is the signing of the pledge (签署承诺书): it is done by signing the pledge (sign-pledge), not by resubmitting."));
        }
        return await completion.CompleteAsync(command.Actor, caseTask, null, ct, command.Note ?? "Resubmitted by the enterprise");
    }
}
