using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Hands a plain process's task to another user, who resolves it back to its owner.</summary>
public sealed record DelegateTask(Actor Actor, Guid TaskId, string? UserId) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class DelegateTaskHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<DelegateTask, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(DelegateTask command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.UserId))
        {
            throw RefusedException.Invalid("userId", L.T("请指定接受委托的用户。", "Name the user the task is delegated to."));
        }
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.DelegateAsync(command.TaskId, command.UserId.Trim(), command.Actor.Name, ct);
    }
}
