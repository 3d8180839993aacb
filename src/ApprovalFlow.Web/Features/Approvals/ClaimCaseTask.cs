using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>An officer of the task's department takes the task on (签收), so colleagues see who handles it.</summary>
public sealed record ClaimCaseTask(Actor Actor, Guid TaskId) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ClaimCaseTaskHandler(CaseTaskAccess access, WorkflowEngine engine, ISender sender) : ICommandHandler<ClaimCaseTask, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(ClaimCaseTask command, CancellationToken ct)
    {
        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, null, ct);
        await engine.ClaimAsync(caseTask.Task.Id, command.Actor.Name, ct);
        return await sender.Send(new GetCase(command.Actor, caseTask.Case.Id), ct);
    }
}
