using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>Moves the running instances of one version of a process to another; all are checked before any moves (administrators).</summary>
public sealed record MigrateInstances(
    Actor Actor, string Key, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string>? Mapping, IReadOnlyList<Guid>? InstanceIds)
    : ICommand<MigrationResult>, IAuditedCommand
{
    public string SubjectType => "definition";

    public string? SubjectId => Key;
}

public sealed class MigrateInstancesHandler(WorkflowEngine engine) : ICommandHandler<MigrateInstances, MigrationResult>
{
    public async ValueTask<MigrationResult> Handle(MigrateInstances command, CancellationToken ct)
    {
        if (!command.Actor.IsAdministrator)
        {
            throw RefusedException.Forbidden(L.T("只有管理员可以迁移流程实例。", "Only an administrator migrates instances."));
        }
        var errors = new Dictionary<string, string[]>();
        if (command.FromVersion < 1)
        {
            errors["fromVersion"] = [L.T("请指定实例当前所在的已部署版本。", "Name the deployed version the cases run on.")];
        }
        if (command.ToVersion < 1)
        {
            errors["toVersion"] = [L.T("请指定实例迁往的已部署版本。", "Name the deployed version the cases move to.")];
        }
        else if (command.ToVersion == command.FromVersion)
        {
            errors["toVersion"] = [L.T("实例已在该版本上运行。", "The cases already run on this version.")];
        }
        if (command.Mapping?.Any(m => string.IsNullOrWhiteSpace(m.Key) || string.IsNullOrWhiteSpace(m.Value)) == true)
        {
            errors["mapping"] = [L.T("每条映射须把旧版本的一个环节标识对应到新版本的一个。", "Each mapping pairs an element id of the old version with one of the new.")];
        }
        if (errors.Count > 0) throw RefusedException.Invalid(errors);
        return await engine.MigrateInstancesAsync(command.Key, command.FromVersion, command.ToVersion,
            command.Mapping?.ToDictionary(m => m.Key, m => m.Value), command.InstanceIds, command.Actor.Name, ct);
    }
}
