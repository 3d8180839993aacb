using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Designer;

public sealed record ModelValidationResponse(bool Valid, string? ProcessKey, string? ProcessName, IReadOnlyList<ModelProblem> Problems);

/// <summary>
/// Checks a model with the engine's own parser and validator, as a deployment would, without deploying it (校验):
/// every problem with the element and line it is at. Service task handlers are checked against the registered ones.
/// </summary>
public sealed record ValidateModel(Actor Actor, string Xml) : IQuery<ModelValidationResponse>;

public sealed class ValidateModelHandler(ServiceTaskRegistry handlers) : IQueryHandler<ValidateModel, ModelValidationResponse>
{
    public ValueTask<ModelValidationResponse> Handle(ValidateModel query, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(query.Actor);
        if (string.IsNullOrWhiteSpace(query.Xml)) throw RefusedException.Invalid("xml", "The model is empty; send BPMN 2.0 XML.");
        try
        {
            var model = BpmnReader.Read(query.Xml, handlers.Contains);
            return ValueTask.FromResult(new ModelValidationResponse(true, model.Key, model.Name, []));
        }
        catch (DefinitionInvalidException invalid)
        {
            return ValueTask.FromResult(new ModelValidationResponse(false, null, null, invalid.Errors.Select(ModelProblem.From).ToList()));
        }
    }
}
