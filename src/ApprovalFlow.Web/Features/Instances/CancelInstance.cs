using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>Ends a plain process's running instance as terminated, its tasks withdrawn (an approval case is terminated with <c>TerminateCase</c>).</summary>
public sealed record CancelInstance(Actor Actor, Guid InstanceId, string? Reason) : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "instance";

    public string? SubjectId => InstanceId.ToString();
}

public sealed class CancelInstanceHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<CancelInstance, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(CancelInstance command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw RefusedException.Invalid("reason", L.T("请说明取消的理由，理由随实例保存。", "Say why the case is cancelled; the reason is kept with it."));
        }
        await access.RequireInstanceAsync(command.Actor, command.InstanceId, EngineOperation.Work, ct);
        return await engine.CancelInstanceAsync(command.InstanceId, command.Reason.Trim(), command.Actor.Name, ct);
    }
}
