using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Materials;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>
/// Accepts a step with a tolerated gap (容缺受理): secondary materials may be missing, covered by the enterprise's
/// signed pledge (申请容缺受理承诺书), to be supplied by a deadline no later than the step's own time limit. Sent by the
/// step's acceptance in its transaction; while the gap is open the step's result is not issued.
/// </summary>
public sealed record OpenToleratedGap(Actor Actor, Guid StepId, IReadOnlyList<string> MissingMaterialCodes, Guid PledgeId, DateTime SupplementDeadline)
    : ICommand<Outcome<ToleratedGapResponse>>, IAuditedCommand
{
    public string SubjectType => "step";

    public string? SubjectId => StepId.ToString();
}

public sealed class OpenToleratedGapHandler(AppDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
    : ICommandHandler<OpenToleratedGap, Outcome<ToleratedGapResponse>>
{
    public async ValueTask<Outcome<ToleratedGapResponse>> Handle(OpenToleratedGap command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var step = await db.Set<ApprovalStep>().SingleOrDefaultAsync(s => s.Id == command.StepId, cancellationToken);
        if (step is null) return Refuse("step-not-found", L.T("该审批环节不存在。", $"No step has the id {command.StepId}."), StatusCodes.Status404NotFound);
        var approvalCase = await db.Set<ApprovalCase>().SingleAsync(c => c.Id == step.CaseId, cancellationToken);

        if (!step.ToleratedGapAllowed)
        {
            return Refuse("gap-not-allowed", L.T($"“{step.Name}”环节不适用容缺受理。", $"The step '{step.StepCode}' does not allow a tolerated gap (容缺受理)."));
        }
        if (!step.IsOpen)
        {
            return Refuse("step-closed", L.T($"“{step.Name}”环节{StatusText.Pair(step.Status).Zh}；只有办理中的环节可以容缺受理。", $"The step '{step.StepCode}' is {step.Status}; a gap is opened only while it runs."));
        }
        if (await db.Set<ToleratedGap>().AnyAsync(g => g.StepId == step.Id && (g.Status == GapStatus.Open || g.Status == GapStatus.Overdue), cancellationToken))
        {
            return Refuse("gap-already-open", L.T($"“{step.Name}”环节已有未结的容缺事项。", $"The step '{step.StepCode}' already has an open tolerated gap."));
        }

        var codes = (command.MissingMaterialCodes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return Refuse("no-material", L.T("容缺受理须至少列明一项所缺材料。", "A tolerated gap lists at least one missing material."), StatusCodes.Status422UnprocessableEntity);
        }
        var catalogue = await db.Set<MaterialRequirement>().AsNoTracking()
            .Where(m => m.StepCode == step.StepCode && codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, cancellationToken);
        if (codes.FirstOrDefault(c => !catalogue.ContainsKey(c)) is { } unknown)
        {
            return Refuse("unknown-material", L.T($"“{unknown}”不是“{step.Name}”环节的申请材料，请对照该环节的材料目录填写。", $"'{unknown}' is not a material of the step '{step.StepCode}'; GET /api/materials?stepCode={step.StepCode} lists them."),
                StatusCodes.Status422UnprocessableEntity);
        }
        if (codes.FirstOrDefault(c => catalogue[c].IsMain) is { } main)
        {
            return Refuse("main-material", L.T($"“{catalogue[main].Name}”（{main}）是主要材料；主要材料必须齐全，不适用容缺。", $"'{main}' ({catalogue[main].Name}) is a main material (主要材料); main materials must be complete and are never tolerated as missing."),
                StatusCodes.Status422UnprocessableEntity);
        }

        var deadline = DateTime.SpecifyKind(command.SupplementDeadline, DateTimeKind.Utc);
        if (deadline <= now)
        {
            return Refuse("deadline-past", L.T("补齐期限早于当前时间。", "The supplement deadline lies in the past."), StatusCodes.Status422UnprocessableEntity);
        }
        if (step.TimeLimitDays is not { } limit)
        {
            return Refuse("no-time-limit", L.T($"“{step.Name}”环节没有承诺办理时限，无法据以确定补齐期限。", $"The step '{step.StepCode}' has no time limit, so no supplement deadline can be bounded by it."));
        }
        var latest = calendar.AddWorkingDays(now, limit);
        if (deadline > latest)
        {
            return Refuse("deadline-beyond-time-limit",
                L.T($"补齐期限不得超过该环节承诺办理时限 {limit} 个工作日，即北京时间 {latest.AddHours(8):yyyy-MM-dd HH:mm}。", $"The supplement deadline may not exceed the step's promised time limit of {limit} working days, i.e. {latest:yyyy-MM-dd HH:mm} UTC."),
                StatusCodes.Status422UnprocessableEntity);
        }

        if (await db.BlockOfAsync(approvalCase.EnterpriseId, cancellationToken) is { } block)
        {
            return Refuse("credit-blocked", L.T($"不能容缺受理：{block}。", $"No tolerated gap: {block}."));
        }

        var pledge = await db.Set<Pledge>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PledgeId, cancellationToken);
        if (pledge is null || pledge.Scheme != PledgeScheme.ToleratedGap || pledge.Status != PledgeStatus.Signed
            || pledge.EnterpriseId != approvalCase.EnterpriseId || pledge.ProjectId != approvalCase.ProjectId || pledge.StepCode != step.StepCode)
        {
            return Refuse("pledge-invalid",
                L.T("须为本案件企业就同一项目、同一环节签署且未撤回的申请容缺受理承诺书。", "The pledge must be a signed, unrevoked tolerated-gap pledge (申请容缺受理承诺书) of the case's enterprise for the same project and step."));
        }
        if (await db.Set<ToleratedGap>().AnyAsync(g => g.PledgeId == pledge.Id, cancellationToken))
        {
            return Refuse("pledge-used", L.T("该承诺书已用于另一容缺事项；每一容缺事项须有单独的承诺书。", "The pledge already covers another tolerated gap; each gap needs a pledge of its own."));
        }

        var gap = new ToleratedGap(step.Id, approvalCase.Id, approvalCase.ProjectId, approvalCase.EnterpriseId, pledge.Id, deadline,
            codes.Select(c => (c, catalogue[c].Name)), now, command.Actor.Name);
        db.Add(gap);
        step.IssueResult(false);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ToleratedGapResponse>.Success(ToleratedGapResponse.From(gap));
    }

    private static Outcome<ToleratedGapResponse> Refuse(string rule, string detail, int status = StatusCodes.Status409Conflict) =>
        Outcome<ToleratedGapResponse>.Refused(new Refusal(rule, detail, status));
}
