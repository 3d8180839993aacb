using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>
/// Attaches one checked file (type and size checked by the caller's route or component) to a task, if the caller may
/// annotate it (<see cref="EngineAuthorization"/>): the page's material upload and the API's attachment route alike.
/// </summary>
public sealed record AttachFileToTask(Actor Actor, Guid TaskId, string FileName, string ContentType, [property: NotAudited] byte[] Content)
    : ICommand<TaskAttachment>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class AttachFileToTaskHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<AttachFileToTask, TaskAttachment>
{
    public async ValueTask<TaskAttachment> Handle(AttachFileToTask command, CancellationToken ct)
    {
        var task = await engine.GetTaskAsync(command.TaskId, ct)
            ?? throw RefusedException.NotFound(L.T("该任务不存在或您无权查看。", $"Task {command.TaskId} does not exist."));
        await access.RequireAsync(command.Actor, task, EngineOperation.Annotate);
        return await engine.AddAttachmentAsync(task.Id, command.FileName, command.ContentType, command.Content, command.Actor.Name, ct);
    }
}
