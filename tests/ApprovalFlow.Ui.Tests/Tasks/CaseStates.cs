using ApprovalFlow.Web.Features.Approvals;

namespace ApprovalFlow.Ui.Tests.Tasks;

/// <summary>Cases as GetCase reports them, in the states the task panel must tell apart.</summary>
internal static class CaseStates
{
    public static readonly Guid TaskId = Guid.Parse("11111111-1111-1111-1111-111111111111");

    public static StepResponse Step(string status = "awaitingAcceptance", bool gapAllowed = true, bool pledgeReplaceable = false,
        bool accepted = false, bool paused = false, int? limit = 20) =>
        new(Guid.NewGuid(), "land", "用地审批", "natural-resources", status, limit, gapAllowed, pledgeReplaceable, false,
            accepted ? new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc) : null,
            accepted ? new DateTime(2026, 3, 30, 15, 59, 59, DateTimeKind.Utc) : null,
            paused, paused ? new DateTime(2026, 3, 5, 1, 0, 0, DateTimeKind.Utc) : null, false, null, null, [], []);

    /// <param name="outcomes">The decisions the domain allows on the task (its af:outcomes, as the case answer lists them).</param>
    public static CaseTaskResponse Task(string elementId, string[] actions, string? assignee = null, string? stepCode = "land", string[]? outcomes = null) =>
        new(TaskId, elementId, elementId, stepCode, ["natural-resources"], assignee, new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), null, actions)
        {
            Outcomes = outcomes ?? [],
        };

    public static CaseResponse Case(CaseTaskResponse task, StepResponse? step = null, string mode = "normal") =>
        new(Guid.NewGuid(), Guid.NewGuid(), "2026-131102-04-01-000001", "Demo project", Guid.NewGuid(), mode, "running", Guid.NewGuid(),
            "pre-construction", 1, new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc), "enterprise@approvalflow.local", null,
            step is null ? [] : [step], [task]);
}
