using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// The enterprise of a pledge-system case signs its pledge (企业签署承诺书) by doing the <c>signPledge</c> task: the
/// pledge is signed and published through the Pledges feature (<see cref="SignPledge"/>, scheme pledge-system, the
/// case's project, no step: it covers every step the model replaces) and the task completes in the same transaction,
/// so the enterprise signs once and the later verification (<see cref="VerifyPledgeOnCase"/>) finds this pledge.
/// </summary>
public sealed record SignCasePledge(Actor Actor, Guid TaskId, string? Text) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class SignCasePledgeHandler(CaseTaskAccess access, CaseTaskCompletion completion, ISender sender)
    : ICommandHandler<SignCasePledge, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(SignCasePledge command, CancellationToken ct)
    {
        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > SignPledgeHandler.TextLimit)
        {
            throw RefusedException.Invalid("text", L.T($"请填写承诺内容，最多 {SignPledgeHandler.TextLimit} 个字符。", $"Enter what is pledged, at most {SignPledgeHandler.TextLimit} characters."));
        }

        // The enterprise's tasks share the kind Resubmit; the role says this one is the pledge.
        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Resubmit, ct);
        if (caseTask.Model.RoleOf(caseTask.Task.ElementId) != TaskRole.SignPledge)
        {
            throw RefusedException.Conflict(L.T($"任务“{caseTask.Task.Name}”不是签署承诺书任务。", $"Task {command.TaskId} ({caseTask.Task.Name}) is not the signing of the pledge (签署承诺书)."));
        }

        // Signed before the engine moves, so that a refused signature (e.g. an unrepaired credit record) leaves the task open.
        var pledge = await sender.Send(new SignPledge(command.Actor, caseTask.Case.ProjectId, PledgeScheme.PledgeSystem.Term(), null, text), ct);
        return await completion.CompleteAsync(command.Actor, caseTask, null, ct, $"pledge {pledge.Id} signed and published (签署承诺书)");
    }
}
