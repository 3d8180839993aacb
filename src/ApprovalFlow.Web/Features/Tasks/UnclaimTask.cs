using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Gives the caller's claim on a plain process's task up: the task is nobody's again.</summary>
public sealed record UnclaimTask(Actor Actor, Guid TaskId) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class UnclaimTaskHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<UnclaimTask, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(UnclaimTask command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.UnclaimAsync(command.TaskId, command.Actor.Name, ct);
    }
}
