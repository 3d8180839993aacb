using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>Moves a plain process's instance from an active element back to an earlier one of the same scope.</summary>
public sealed record SendInstanceBack(Actor Actor, Guid InstanceId, string? FromElementId, string? ToElementId, string? Reason) : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "instance";

    public string? SubjectId => InstanceId.ToString();
}

public sealed class SendInstanceBackHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<SendInstanceBack, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(SendInstanceBack command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.FromElementId))
        {
            errors["fromElementId"] = [L.T("请指定实例离开的当前环节。", "Name the active element the case leaves.")];
        }
        if (string.IsNullOrWhiteSpace(command.ToElementId))
        {
            errors["toElementId"] = [L.T("请指定实例退回的先前环节。", "Name the earlier element the case goes back to.")];
        }
        if (errors.Count > 0) throw RefusedException.Invalid(errors);
        await access.RequireInstanceAsync(command.Actor, command.InstanceId, EngineOperation.Work, ct);
        return await engine.SendBackAsync(command.InstanceId, command.FromElementId!.Trim(), command.ToElementId!.Trim(), command.Reason,
            command.Actor.Name, ct);
    }
}
