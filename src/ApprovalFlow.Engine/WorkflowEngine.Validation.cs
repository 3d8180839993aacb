using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;

namespace ApprovalFlow.Engine;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Checks a model as <see cref="DeployAllAsync"/> would, without deploying it: the engine's parser first, then, when it
    /// accepts every process, each host validator (<see cref="IModelValidator"/>) on each. A parser problem is returned
    /// as such, not thrown.
    /// </summary>
    public async Task<ModelValidationResult> ValidateAsync(string bpmnXml, CancellationToken ct = default)
    {
        IReadOnlyList<ProcessModel> models;
        try
        {
            models = BpmnReader.ReadAll(bpmnXml, handlers.Contains);
        }
        catch (DefinitionInvalidException invalid)
        {
            return new ModelValidationResult([], invalid.Errors, RefusedByHost: false);
        }
        var views = models.Select(ModelView.Of).ToList();
        var problems = await HostProblemsAsync(views, ct);
        return new ModelValidationResult(views, problems, RefusedByHost: problems.Count > 0);
    }

    /// <inheritdoc cref="ValidateAsync(string, CancellationToken)"/>
    public Task<ModelValidationResult> ValidateAsync(byte[] bpmnXml, CancellationToken ct = default) =>
        ValidateAsync(BpmnReader.Decode(bpmnXml), ct);

    /// <summary>Runs every host validator on the parsed processes; throws when any refuses, so nothing is deployed.</summary>
    private async Task ApplyHostValidatorsAsync(IReadOnlyList<ProcessModel> models, CancellationToken ct)
    {
        if (!services.ModelValidators.Any()) return;
        var problems = await HostProblemsAsync(models.Select(ModelView.Of).ToList(), ct);
        if (problems.Count > 0) throw new DefinitionInvalidException(problems, refusedByHost: true);
    }

    private async Task<List<ValidationError>> HostProblemsAsync(IReadOnlyList<ModelView> views, CancellationToken ct)
    {
        var problems = new List<ValidationError>();
        foreach (var validator in services.ModelValidators)
            foreach (var view in views)
                problems.AddRange(await validator.ValidateAsync(view, ct));
        return problems;
    }
}
