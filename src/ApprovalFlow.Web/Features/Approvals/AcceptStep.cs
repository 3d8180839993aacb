using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

public sealed record ToleratedGapRequest(IReadOnlyList<string>? MissingMaterials, Guid? PledgeId, DateTime? SupplementDeadline);

/// <summary>
/// The department accepts the application (受理), completely or with a tolerated gap (容缺受理: the gaps feature checks
/// every rule and withholds the result until the gap is supplied). Acceptance starts the step's clock.
/// </summary>
public sealed record AcceptStep(Actor Actor, Guid TaskId, ToleratedGapRequest? ToleratedGap) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class AcceptStepHandler(CaseTaskAccess access, CaseTaskCompletion completion, StepClock stepClock, ISender sender)
    : ICommandHandler<AcceptStep, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(AcceptStep command, CancellationToken ct)
    {
        var gap = command.ToleratedGap;
        if (gap is not null)
        {
            var errors = new Dictionary<string, string[]>();
            if (gap.MissingMaterials is not { Count: > 0 } || gap.MissingMaterials.Any(string.IsNullOrWhiteSpace))
                errors["toleratedGap.missingMaterials"] = [L.T("请按材料编码列出所缺材料。", "Name the missing materials by their codes.")];
            if (gap.PledgeId is null) errors["toleratedGap.pledgeId"] = [L.T("请指定企业已签署的容缺受理承诺书。", "Name the enterprise's signed tolerated-gap pledge (容缺承诺书).")];
            if (gap.SupplementDeadline is null) errors["toleratedGap.supplementDeadline"] = [L.T("请填写材料补齐的期限。", "Give the date by which the materials must be supplied.")];
            if (errors.Count > 0) throw RefusedException.Invalid(errors);
        }

        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Accept, ct);
        var step = caseTask.Step;
        if (gap is not null)
        {
            if (step is null) throw RefusedException.Conflict(L.T("只有部门审批环节可以容缺受理。", "Only a department step may be accepted with a tolerated gap."));
            // Before the engine moves: a refused gap leaves the task open and nothing written.
            var outcome = await sender.Send(new OpenToleratedGap(command.Actor, step.Id, gap.MissingMaterials!.Select(m => m.Trim()).ToList(),
                gap.PledgeId!.Value, gap.SupplementDeadline!.Value.ToUniversalTime()), ct);
            outcome.ValueOrThrow();
        }
        return await completion.CompleteAsync(command.Actor, caseTask, null, ct,
            gap is null ? null : $"Accepted with a tolerated gap: {string.Join(", ", gap.MissingMaterials!)}",
            (accepted, now) =>
            {
                if (gap is null) accepted.IssueResult(true);
                stepClock.Start(accepted, now);
            });
    }
}
