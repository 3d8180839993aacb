using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Incidents;

/// <summary>Runs a failed service task again: resolved and the case moves on, or still open with the new error (administrators).</summary>
public sealed record RetryIncident(Actor Actor, Guid IncidentId) : ICommand<Incident>, IAuditedCommand
{
    public string SubjectType => "incident";

    public string? SubjectId => IncidentId.ToString();
}

public sealed class RetryIncidentHandler(WorkflowEngine engine) : ICommandHandler<RetryIncident, Incident>
{
    public async ValueTask<Incident> Handle(RetryIncident command, CancellationToken ct)
    {
        IncidentAccess.RequireAdministrator(command.Actor);
        return await engine.RetryIncidentAsync(command.IncidentId, command.Actor.Name, ct);
    }
}

/// <summary>Incidents change how the engine runs a case: administrators only (the routes' role gate says the same).</summary>
public static class IncidentAccess
{
    public static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw RefusedException.Forbidden(L.T("只有管理员可以处理故障。", "Only an administrator handles incidents."));
        }
    }
}
