using System.Globalization;
using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>What a case's model says about its steps, read from the elements' af: extension attributes (workflows/README.md).</summary>
public sealed record CaseModel(IReadOnlyList<StepDefinition> Steps, IReadOnlyDictionary<string, ElementInfo> Elements)
{
    public const string EnterpriseGroup = "enterprise";

    /// <summary>A department step: a user task that carries the step settings and is not the enterprise's.</summary>
    public static CaseModel From(IReadOnlyList<ElementInfo> elements)
    {
        var steps = elements
            .Where(e => e.ElementType == "userTask"
                && e.Extensions.ContainsKey("stepCode")
                && e.Extensions.ContainsKey("toleratedGap")
                && e.Extensions.ContainsKey("department"))
            .GroupBy(e => e.Extensions["stepCode"])
            .Select(g => StepDefinition.From(g.Key, g.ToList()))
            .ToList();
        return new CaseModel(steps, elements.ToDictionary(e => e.Id));
    }

    public string? StepCodeOf(string elementId) =>
        Elements.TryGetValue(elementId, out var element) && element.Extensions.TryGetValue("stepCode", out var code) ? code : null;

    public static async Task<CaseModel> LoadAsync(WorkflowEngine engine, Guid definitionId, CancellationToken ct) =>
        From(await engine.GetElementsAsync(definitionId, ct));
}

public sealed record StepDefinition(
    string StepCode, string Name, string Department, int? TimeLimitDays, bool ToleratedGap, bool PledgeReplaceable, bool VirtualApproval)
{
    public static StepDefinition From(string stepCode, IReadOnlyList<ElementInfo> tasks)
    {
        // The first task (accept, or the single task of a one-task step) names the step: "规划受理" → "规划".
        var first = tasks.FirstOrDefault(t => t.Id.EndsWith("Accept", StringComparison.Ordinal)) ?? tasks[0];
        var name = first.Name ?? stepCode;
        if (first.Id.EndsWith("Accept", StringComparison.Ordinal) && name.EndsWith("受理", StringComparison.Ordinal)) name = name[..^2];
        var limit = tasks.Select(t => t.Extensions.GetValueOrDefault("timeLimitDays"))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : (int?)null)
            .FirstOrDefault(v => v is not null);
        return new StepDefinition(stepCode, name, first.Extensions["department"], limit,
            Flag(tasks, "toleratedGap"), Flag(tasks, "pledgeReplaceable"), Flag(tasks, "virtualApproval"));
    }

    private static bool Flag(IReadOnlyList<ElementInfo> tasks, string name) =>
        tasks.Any(t => t.Extensions.TryGetValue(name, out var value) && value == "true");
}
