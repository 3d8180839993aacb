using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Designer;

public sealed record ModelValidationResponse(bool Valid, string? ProcessKey, string? ProcessName, IReadOnlyList<ModelProblem> Problems);

/// <summary>
/// Checks a model with the engine's own parser and validator, as a deployment would, without deploying it (校验):
/// every problem with the element and line it is at. Service task handlers are checked against the registered ones, and
/// an approval model against the approval contract (<see cref="ApprovalContract"/>, the engine's host validator).
/// </summary>
public sealed record ValidateModel(Actor Actor, string Xml) : IQuery<ModelValidationResponse>;

public sealed class ValidateModelHandler(WorkflowEngine engine) : IQueryHandler<ValidateModel, ModelValidationResponse>
{
    public async ValueTask<ModelValidationResponse> Handle(ValidateModel query, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(query.Actor);
        if (string.IsNullOrWhiteSpace(query.Xml)) throw RefusedException.Invalid("xml", L.T("流程模型为空，请提交 BPMN 2.0 XML。", "The model is empty; send BPMN 2.0 XML."));
        var result = await engine.ValidateAsync(query.Xml, ct);
        var first = result.Processes.FirstOrDefault();
        return new ModelValidationResponse(result.Valid, first?.ProcessKey, first?.ProcessName, result.Problems.Select(ModelProblem.From).ToList());
    }
}
