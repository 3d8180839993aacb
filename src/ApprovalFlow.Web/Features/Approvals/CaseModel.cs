using System.Collections.Concurrent;
using System.Globalization;
using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// What a case's model says about its steps and tasks, read only from the elements' af: attributes
/// (workflows/README.md, "Approval roles"): never from an element id.
/// </summary>
public sealed record CaseModel(IReadOnlyList<StepDefinition> Steps, IReadOnlyDictionary<string, ElementInfo> Elements)
{
    public const string EnterpriseGroup = "enterprise";

    /// <summary>A department step: a user task that carries the step settings and is not the enterprise's.</summary>
    public static CaseModel From(IReadOnlyList<ElementInfo> elements)
    {
        var steps = elements
            .Where(e => e.ElementType == "userTask"
                && e.Extensions.ContainsKey(ApprovalRoles.StepCode)
                && e.Extensions.ContainsKey("toleratedGap")
                && e.Extensions.ContainsKey(ApprovalRoles.Department))
            .GroupBy(e => e.Extensions[ApprovalRoles.StepCode])
            .Select(g => StepDefinition.From(g.Key, g.ToList()))
            .ToList();
        return new CaseModel(steps, elements.ToDictionary(e => e.Id));
    }

    /// <summary>Whether the model runs approval cases: some element declares an approval role.</summary>
    public bool IsApprovalModel => Elements.Values.Any(e => ApprovalRoles.RoleOf(e.Extensions) != TaskRole.None);

    public string? StepCodeOf(string elementId) =>
        Elements.TryGetValue(elementId, out var element) && element.Extensions.TryGetValue(ApprovalRoles.StepCode, out var code) ? code : null;

    public TaskRole RoleOf(string elementId) =>
        Elements.TryGetValue(elementId, out var element) ? ApprovalRoles.RoleOf(element.Extensions) : TaskRole.None;

    public CaseTaskKind KindOf(string elementId) => RoleOf(elementId).Kind();

    public string ActionOf(string elementId) => RoleOf(elementId).Action();

    public ElementInfo? Element(string elementId) => Elements.GetValueOrDefault(elementId);

    /// <summary>The user tasks of a step, in document order.</summary>
    public IEnumerable<ElementInfo> TasksOf(string stepCode) =>
        Elements.Values.Where(e => e.ElementType == "userTask" && e.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) == stepCode);

    public bool StepHasRole(string stepCode, TaskRole role) => TasksOf(stepCode).Any(e => ApprovalRoles.RoleOf(e.Extensions) == role);

    /// <summary>The step's decide task, if it has one.</summary>
    public ElementInfo? DecisionOf(string stepCode) => TasksOf(stepCode).FirstOrDefault(e => ApprovalRoles.RoleOf(e.Extensions) == TaskRole.Decide);

    /// <summary>Whether any element marks an ending of the step (<c>af:marks</c>); a step without is decided by its decide task alone.</summary>
    public bool StepHasMarks(string stepCode) => Elements.Values.Any(e =>
        e.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) == stepCode && e.Extensions.ContainsKey(ApprovalRoles.Marks)
        && e.Extensions[ApprovalRoles.Marks] != StepMarks.Overdue);

    /// <summary>
    /// Where an approved step's token waits for other steps before it takes effect: the active elements of the step marked
    /// <c>virtually-approved</c> (they name the awaited steps in <c>af:awaits</c>).
    /// </summary>
    public IEnumerable<ElementInfo> WaitingPointsOf(string stepCode, IEnumerable<string> activeElementIds) =>
        activeElementIds.Select(Element).OfType<ElementInfo>().Where(e => e.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) == stepCode
            && e.Extensions.GetValueOrDefault(ApprovalRoles.Marks) == StepMarks.VirtuallyApproved);

    /// <summary>The elements with an approval role.</summary>
    public IEnumerable<ElementInfo> WithRole(TaskRole role) => Elements.Values.Where(e => ApprovalRoles.RoleOf(e.Extensions) == role);

    // A deployed version never changes, so its model is read once.
    private static readonly ConcurrentDictionary<Guid, CaseModel> Loaded = new();

    public static async Task<CaseModel> LoadAsync(WorkflowEngine engine, Guid definitionId, CancellationToken ct)
    {
        if (Loaded.TryGetValue(definitionId, out var model)) return model;
        model = From(await engine.GetElementsAsync(definitionId, ct));
        return Loaded.GetOrAdd(definitionId, model);
    }

    /// <summary>The model of the version an instance runs on.</summary>
    public static async Task<CaseModel> ForInstanceAsync(WorkflowEngine engine, Guid instanceId, CancellationToken ct) =>
        await LoadAsync(engine, await engine.GetDefinitionIdAsync(instanceId, ct)
            ?? throw new InvalidOperationException($"Process instance {instanceId} does not exist."), ct);

    /// <summary>The ids of the elements with <paramref name="role"/> in any deployed model (to find such tasks in SQL).</summary>
    public static async Task<IReadOnlyList<string>> ElementIdsWithRoleAsync(WorkflowEngine engine, TaskRole role, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in await engine.ListDefinitionsAsync(ct))
        {
            foreach (var element in (await LoadAsync(engine, definition.Id, ct)).WithRole(role)) ids.Add(element.Id);
        }
        return [.. ids];
    }
}

public sealed record StepDefinition(
    string StepCode, string Name, string Department, int? TimeLimitDays, bool ToleratedGap, bool PledgeReplaceable, bool VirtualApproval)
{
    public static StepDefinition From(string stepCode, IReadOnlyList<ElementInfo> tasks)
    {
        // The accepting task (or the single task of a one-task step) names the step: "规划受理" → "规划".
        var accept = tasks.FirstOrDefault(t => ApprovalRoles.RoleOf(t.Extensions) == TaskRole.Accept);
        var first = accept ?? tasks[0];
        var name = first.Name ?? stepCode;
        if (accept is not null && name.EndsWith("受理", StringComparison.Ordinal) && name.Length > 2) name = name[..^2];
        var limit = tasks.Select(t => t.Extensions.GetValueOrDefault(ApprovalRoles.TimeLimitDays))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : (int?)null)
            .FirstOrDefault(v => v is not null);
        return new StepDefinition(stepCode, name, first.Extensions[ApprovalRoles.Department], limit,
            Flag(tasks, "toleratedGap"), Flag(tasks, "pledgeReplaceable"), Flag(tasks, "virtualApproval"));
    }

    private static bool Flag(IReadOnlyList<ElementInfo> tasks, string name) =>
        tasks.Any(t => t.Extensions.TryGetValue(name, out var value) && value == "true");
}
