using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Adds a comment to a task: a plain process's by whoever may work on it, an approval case's by whoever may act on it.</summary>
public sealed record AddTaskComment(Actor Actor, Guid TaskId, string? Text) : ICommand<TaskComment>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class AddTaskCommentHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<AddTaskComment, TaskComment>
{
    public async ValueTask<TaskComment> Handle(AddTaskComment command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            throw RefusedException.Invalid("text", L.T("意见不能为空。", "A comment needs some text."));
        }
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Annotate, ct);
        return await engine.AddCommentAsync(command.TaskId, command.Text.Trim(), command.Actor.Name, ct);
    }
}
