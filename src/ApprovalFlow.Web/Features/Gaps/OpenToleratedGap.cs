using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Materials;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
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
        if (step is null) return Refuse("step-not-found", $"No step has the id {command.StepId}.", StatusCodes.Status404NotFound);
        var approvalCase = await db.Set<ApprovalCase>().SingleAsync(c => c.Id == step.CaseId, cancellationToken);

        if (!step.ToleratedGapAllowed)
        {
            return Refuse("gap-not-allowed", $"The step '{step.StepCode}' does not allow a tolerated gap (容缺受理).");
        }
        if (!step.IsOpen)
        {
            return Refuse("step-closed", $"The step '{step.StepCode}' is {step.Status}; a gap is opened only while it runs.");
        }
        if (await db.Set<ToleratedGap>().AnyAsync(g => g.StepId == step.Id && (g.Status == GapStatus.Open || g.Status == GapStatus.Overdue), cancellationToken))
        {
            return Refuse("gap-already-open", $"The step '{step.StepCode}' already has an open tolerated gap.");
        }

        var codes = (command.MissingMaterialCodes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return Refuse("no-material", "A tolerated gap lists at least one missing material.", StatusCodes.Status422UnprocessableEntity);
        }
        var catalogue = await db.Set<MaterialRequirement>().AsNoTracking()
            .Where(m => m.StepCode == step.StepCode && codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, cancellationToken);
        if (codes.FirstOrDefault(c => !catalogue.ContainsKey(c)) is { } unknown)
        {
            return Refuse("unknown-material", $"'{unknown}' is not a material of the step '{step.StepCode}'; GET /api/materials?stepCode={step.StepCode} lists them.",
                StatusCodes.Status422UnprocessableEntity);
        }
        if (codes.FirstOrDefault(c => catalogue[c].IsMain) is { } main)
        {
            return Refuse("main-material", $"'{main}' ({catalogue[main].Name}) is a main material (主要材料); main materials must be complete and are never tolerated as missing.",
                StatusCodes.Status422UnprocessableEntity);
        }

        var deadline = DateTime.SpecifyKind(command.SupplementDeadline, DateTimeKind.Utc);
        if (deadline <= now)
        {
            return Refuse("deadline-past", "The supplement deadline lies in the past.", StatusCodes.Status422UnprocessableEntity);
        }
        if (step.TimeLimitDays is not { } limit)
        {
            return Refuse("no-time-limit", $"The step '{step.StepCode}' has no time limit, so no supplement deadline can be bounded by it.");
        }
        var latest = calendar.AddWorkingDays(now, limit);
        if (deadline > latest)
        {
            return Refuse("deadline-beyond-time-limit",
                $"The supplement deadline may not exceed the step's promised time limit of {limit} working days, i.e. {latest:yyyy-MM-dd HH:mm} UTC.",
                StatusCodes.Status422UnprocessableEntity);
        }

        if (await db.BlockOfAsync(approvalCase.EnterpriseId, cancellationToken) is { } block)
        {
            return Refuse("credit-blocked", $"No tolerated gap: {block}.");
        }

        var pledge = await db.Set<Pledge>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PledgeId, cancellationToken);
        if (pledge is null || pledge.Scheme != PledgeScheme.ToleratedGap || pledge.Status != PledgeStatus.Signed
            || pledge.EnterpriseId != approvalCase.EnterpriseId || pledge.ProjectId != approvalCase.ProjectId || pledge.StepCode != step.StepCode)
        {
            return Refuse("pledge-invalid",
                "The pledge must be a signed, unrevoked tolerated-gap pledge (申请容缺受理承诺书) of the case's enterprise for the same project and step.");
        }
        if (await db.Set<ToleratedGap>().AnyAsync(g => g.PledgeId == pledge.Id, cancellationToken))
        {
            return Refuse("pledge-used", "The pledge already covers another tolerated gap; each gap needs a pledge of its own.");
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
