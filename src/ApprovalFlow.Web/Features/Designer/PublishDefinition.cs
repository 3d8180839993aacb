using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Definitions;
using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>
/// Publishes (发布) the designer's model as the next version of each of its executable processes' keys, with the engine's deployment — the
/// same as <c>POST /api/definitions</c>. Running cases keep their version; new cases start on this one. A model with
/// problems is refused whole (<see cref="DefinitionInvalidException"/>, 400 with every problem; an approval model that breaks
/// the approval contract, <see cref="ApprovalContract"/>, which the engine runs at deployment: 422 with every problem).
/// </summary>
public sealed record PublishDefinition(Actor Actor, [property: NotAudited] byte[] Model) : ICommand<DeployedResponse>, IAuditedCommand
{
    public string SubjectType => "definition";

    public string? SubjectId => null;
}

public sealed class PublishDefinitionHandler(WorkflowEngine engine) : ICommandHandler<PublishDefinition, DeployedResponse>
{
    public async ValueTask<DeployedResponse> Handle(PublishDefinition command, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(command.Actor);
        if (command.Model.Length == 0 || command.Model.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw RefusedException.Invalid("xml", Ui.Shell.L.T("模型为空，请提交 BPMN 2.0 XML。", "The model is empty; send BPMN 2.0 XML."));
        }
        // Bytes as sent: the model's own XML declaration says its encoding (the MIWG files include ISO-8859-1 ones).
        // Every executable process of the file (a collaboration deploys each of its pools' processes).
        var deployed = await engine.DeployAllAsync(command.Model, command.Actor.Name, ct);
        var first = deployed[0];
        return new DeployedResponse(first.Id, first.Key, first.Version, deployed.Select(d => new DeployedProcess(d.Id, d.Key, d.Version)).ToList());
    }
}
