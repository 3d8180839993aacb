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

namespace ApprovalFlow.Web.Features.Signals;

/// <summary>
/// Throws a signal from outside (docs/security.md). Without an instance it is a broadcast, for administrators only:
/// every waiting signal catch of that name receives it and every signal start of that name starts a case — except
/// approval cases, which are moved only by the approval commands and so never receive a broadcast from outside.
/// Addressed to one instance, the caller must be allowed to work on it (an approval case is refused with 409), and the
/// instance must be waiting for that signal (404 otherwise).
/// </summary>
public sealed record BroadcastSignal(Actor Actor, string? Name, Guid? InstanceId, JsonObject? Variables)
    : ICommand<SignalBroadcast>, IAuditedCommand
{
    public string SubjectType => "signal";

    public string? SubjectId => InstanceId?.ToString() ?? Name?.Trim();
}

public sealed class BroadcastSignalHandler(WorkflowEngine engine, EngineAuthorization access, AppDbContext db)
    : ICommandHandler<BroadcastSignal, SignalBroadcast>
{
    public async ValueTask<SignalBroadcast> Handle(BroadcastSignal command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            throw RefusedException.Invalid("name", L.T("请填写信号名称。", "The signal name is required."));
        }
        var name = command.Name.Trim();
        if (command.InstanceId is not { } instanceId)
        {
            if (!command.Actor.IsAdministrator)
            {
                throw RefusedException.Forbidden(L.T("只有管理员可以向所有流程广播信号；向单个流程实例发送信号请指明 instanceId。",
                    "Only an administrator may broadcast a signal to every process; to signal one instance, name its instanceId."));
            }
            return await engine.BroadcastSignalAsync(name, command.Variables, null, NotAnApprovalCaseAsync, ct);
        }

        var instance = await access.RequireInstanceAsync(command.Actor, instanceId, EngineOperation.Work, ct);
        if (instance.Status != "running" || instance.Suspended)
        {
            throw RefusedException.Conflict(L.T($"流程实例 {instanceId} 未在运行（{(instance.Suspended ? "已挂起" : "已结束")}），不能接收信号。",
                $"Process instance {instanceId} is not running ({(instance.Suspended ? "suspended" : "ended")}) and cannot receive a signal."));
        }
        var broadcast = await engine.BroadcastSignalAsync(name, command.Variables, instanceId, NotAnApprovalCaseAsync, ct);
        if (broadcast.Received.Count == 0)
        {
            throw RefusedException.NotFound(L.T($"流程实例 {instanceId} 没有在等待信号“{name}”。",
                $"Process instance {instanceId} is not waiting for the signal '{name}'."));
        }
        return broadcast;
    }

    /// <summary>Asked by the engine just before it moves a waiting case, so a case started meanwhile is kept out too.</summary>
    private async Task<bool> NotAnApprovalCaseAsync(Guid instanceId, CancellationToken ct) =>
        !await db.Set<ApprovalCase>().AsNoTracking().AnyAsync(c => c.InstanceId == instanceId, ct);
}
