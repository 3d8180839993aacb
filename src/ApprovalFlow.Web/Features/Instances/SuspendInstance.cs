using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>Holds a plain process's instance: its tasks refuse work, its timers wait.</summary>
public sealed record SuspendInstance(Actor Actor, Guid InstanceId, string? Reason) : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "instance";

    public string? SubjectId => InstanceId.ToString();
}

public sealed class SuspendInstanceHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<SuspendInstance, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(SuspendInstance command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw RefusedException.Invalid("reason", L.T("请说明挂起的理由，理由记入历史。", "Say why the case is suspended; the reason is kept in its history."));
        }
        await access.RequireInstanceAsync(command.Actor, command.InstanceId, EngineOperation.Work, ct);
        return await engine.SuspendInstanceAsync(command.InstanceId, command.Reason.Trim(), command.Actor.Name, ct);
    }
}
