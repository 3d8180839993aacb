using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>Lets a suspended plain process's instance go on.</summary>
public sealed record ResumeInstance(Actor Actor, Guid InstanceId) : ICommand<InstanceSnapshot>, IAuditedCommand
{
    public string SubjectType => "instance";

    public string? SubjectId => InstanceId.ToString();
}

public sealed class ResumeInstanceHandler(WorkflowEngine engine, EngineAuthorization access) : ICommandHandler<ResumeInstance, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(ResumeInstance command, CancellationToken ct)
    {
        await access.RequireInstanceAsync(command.Actor, command.InstanceId, EngineOperation.Work, ct);
        return await engine.ResumeInstanceAsync(command.InstanceId, command.Actor.Name, ct);
    }
}
