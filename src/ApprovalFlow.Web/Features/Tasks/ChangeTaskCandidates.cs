using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Lets a further group or user claim a plain process's task, or stops one (staff only: the route's role gate).</summary>
public sealed record ChangeTaskCandidates(Actor Actor, Guid TaskId, TaskCandidateKind Kind, string Name, bool Add) : ICommand<TaskSnapshot>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ChangeTaskCandidatesHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<ChangeTaskCandidates, TaskSnapshot>
{
    public async ValueTask<TaskSnapshot> Handle(ChangeTaskCandidates command, CancellationToken ct)
    {
        await access.RequireTaskAsync(command.Actor, command.TaskId, EngineOperation.Work, ct);
        return (command.Kind, command.Add) switch
        {
            (TaskCandidateKind.Group, true) => await engine.AddCandidateGroupAsync(command.TaskId, command.Name, command.Actor.Name, ct),
            (TaskCandidateKind.Group, false) => await engine.RemoveCandidateGroupAsync(command.TaskId, command.Name, command.Actor.Name, ct),
            (TaskCandidateKind.User, true) => await engine.AddCandidateUserAsync(command.TaskId, command.Name, command.Actor.Name, ct),
            _ => await engine.RemoveCandidateUserAsync(command.TaskId, command.Name, command.Actor.Name, ct),
        };
    }
}

public enum TaskCandidateKind
{
    Group = 0,
    User = 1,
}
