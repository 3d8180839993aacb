using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Messages;

/// <summary>
/// Delivers a message to the event waiting for it (by instance or business key), else starts the process with that
/// message start event. Addressed to one instance, the caller must be allowed to work on it; an approval case is
/// moved only by the approval commands (409), whether named by instance or by its project's code.
/// </summary>
public sealed record DeliverMessage(Actor Actor, string? Name, string? BusinessKey, Guid? InstanceId, JsonObject? Variables)
    : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "message";

    public string? SubjectId => InstanceId?.ToString() ?? BusinessKey;
}

public sealed class DeliverMessageHandler(WorkflowEngine engine, EngineAuthorization access, AppDbContext db)
    : ICommandHandler<DeliverMessage, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(DeliverMessage command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            throw RefusedException.Invalid("name", L.T("请填写消息名称。", "The message name is required."));
        }
        if (command.InstanceId is { } instanceId)
        {
            await access.RequireInstanceAsync(command.Actor, instanceId, EngineOperation.Work, ct);
        }
        else if (command.BusinessKey is { Length: > 0 } businessKey
                 && await (from c in db.Set<ApprovalCase>()
                           join p in db.Set<Project>() on c.ProjectId equals p.Id
                           where c.Status == ApprovalCaseStatus.Running && p.Code == ProjectCode.FromStored(businessKey)
                           select c.Id).AnyAsync(ct))
        {
            throw RefusedException.Conflict(L.T("该业务标识属于办理中的审批案件，审批案件只能通过审批操作推进。",
                "This business key is a running approval case's: approval cases move only through the approval routes."));
        }
        return await engine.CorrelateMessageAsync(command.Name.Trim(), command.BusinessKey, command.InstanceId, command.Variables, ct);
    }
}
