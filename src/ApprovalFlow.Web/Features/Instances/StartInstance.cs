using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>
/// Starts the newest version of a plain process. The shipped approval processes start only as approval cases
/// (<c>StartApproval</c>, which records the case); an administrator may still start one bare to try a model.
/// </summary>
public sealed record StartInstance(Actor Actor, string? DefinitionKey, string? BusinessKey, JsonObject? Variables)
    : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "instance";

    public string? SubjectId => null;
}

public sealed class StartInstanceHandler(WorkflowEngine engine) : ICommandHandler<StartInstance, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(StartInstance command, CancellationToken ct)
    {
        var key = command.DefinitionKey?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            throw RefusedException.Invalid("definitionKey", L.T("请指定已部署流程的标识（key）。", "The key of a deployed process is required."));
        }
        if (key is ShippedWorkflows.PreConstruction or ShippedWorkflows.PledgeSystem && !command.Actor.IsAdministrator)
        {
            throw RefusedException.Forbidden(L.T($"“{key}”以审批案件方式启动：POST /api/cases。", $"'{key}' is started as an approval case: POST /api/cases."));
        }
        return await engine.StartAsync(key, command.BusinessKey, command.Variables, command.Actor.Name, ct);
    }
}
