using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Designer;

public sealed record DefinitionXmlResponse(Guid Id, string Key, int Version, string Xml);

/// <summary>The BPMN XML of one deployed version, as it was deployed: the designer opens it to edit the next version.</summary>
public sealed record GetDefinitionXml(Actor Actor, Guid DefinitionId) : IQuery<DefinitionXmlResponse>;

public sealed class GetDefinitionXmlHandler(WorkflowEngine engine) : IQueryHandler<GetDefinitionXml, DefinitionXmlResponse>
{
    public async ValueTask<DefinitionXmlResponse> Handle(GetDefinitionXml query, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(query.Actor);
        var definition = (await engine.ListDefinitionsAsync(ct)).FirstOrDefault(d => d.Id == query.DefinitionId)
            ?? throw RefusedException.NotFound(L.T("该已部署的流程定义不存在。", $"No deployed definition has id {query.DefinitionId}."));
        var xml = await engine.GetDefinitionXmlAsync(query.DefinitionId, ct) ?? "";
        return new DefinitionXmlResponse(definition.Id, definition.Key, definition.Version, xml);
    }
}
