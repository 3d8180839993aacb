using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Assigns a plain process's task to the caller (an approval case's task is claimed with <c>ClaimCaseTask</c>).</summary>
public sealed record ClaimTask(Actor Actor, Guid TaskId) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ClaimTaskHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<ClaimTask, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(ClaimTask command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.ClaimAsync(command.TaskId, command.Actor.Name, ct);
    }
}
