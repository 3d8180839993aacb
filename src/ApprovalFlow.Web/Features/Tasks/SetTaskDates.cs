using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Sets a plain process's task's due and follow-up dates.</summary>
public sealed record SetTaskDates(Actor Actor, Guid TaskId, DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class SetTaskDatesHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<SetTaskDates, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(SetTaskDates command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return await engine.SetDatesAsync(command.TaskId, command.DueAt?.UtcDateTime, command.FollowUpAt?.UtcDateTime, command.Actor.Name, ct);
    }
}
