using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>The enterprise resubmits corrected material (补正) for a returned step, or signs its pledge; the step goes back to acceptance.</summary>
public sealed record ResubmitStep(Actor Actor, Guid TaskId, string? Note) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ResubmitStepHandler(CaseTaskAccess access, CaseTaskCompletion completion) : ICommandHandler<ResubmitStep, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(ResubmitStep command, CancellationToken ct)
    {
        if (command.Note is { Length: > 2000 }) throw RefusedException.Invalid("note", "The note has at most 2,000 characters.");
        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Resubmit, ct);
        return await completion.CompleteAsync(command.Actor, caseTask, null, ct, command.Note ?? "Resubmitted by the enterprise");
    }
}
