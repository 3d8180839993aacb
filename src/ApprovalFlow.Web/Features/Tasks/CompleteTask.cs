using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Completes a plain process's task and runs its case on (an approval case's tasks are done by the approval commands).</summary>
public sealed record CompleteTask(Actor Actor, Guid TaskId, JsonObject? Variables) : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class CompleteTaskHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<CompleteTask, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(CompleteTask command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.CompleteTaskAsync(command.TaskId, command.Variables, command.Actor.Name, ct);
    }
}
