using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Gives a plain process's task to another user, or to nobody (staff only: the route's role gate).</summary>
public sealed record SetTaskAssignee(Actor Actor, Guid TaskId, string? UserId) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class SetTaskAssigneeHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<SetTaskAssignee, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(SetTaskAssignee command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.SetAssigneeAsync(command.TaskId, string.IsNullOrWhiteSpace(command.UserId) ? null : command.UserId.Trim(),
            command.Actor.Name, ct);
    }
}
