using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Incidents;

/// <summary>The work of a failed service task was done by hand: the incident closes and the case moves on (administrators).</summary>
public sealed record ResolveIncident(Actor Actor, Guid IncidentId, string? Note) : ICommand<Incident>, IAuditedCommand
{
    public string SubjectType => "incident";

    public string? SubjectId => IncidentId.ToString();
}

public sealed class ResolveIncidentHandler(WorkflowEngine engine) : ICommandHandler<ResolveIncident, Incident>
{
    public async ValueTask<Incident> Handle(ResolveIncident command, CancellationToken ct)
    {
        IncidentAccess.RequireAdministrator(command.Actor);
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            throw RefusedException.Invalid("note", L.T("请说明人工完成了哪些工作以代替该服务任务。", "Say what was done by hand instead of the service task."));
        }
        return await engine.ResolveIncidentAsync(command.IncidentId, command.Note.Trim(), command.Actor.Name, ct);
    }
}
