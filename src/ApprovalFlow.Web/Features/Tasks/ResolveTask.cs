using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>The delegate hands a plain process's task back to its owner.</summary>
public sealed record ResolveTask(Actor Actor, Guid TaskId, JsonObject? Variables) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ResolveTaskHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<ResolveTask, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(ResolveTask command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.ResolveAsync(command.TaskId, command.Variables, command.Actor.Name, ct);
    }
}
