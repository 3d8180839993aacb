using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// The department stops the step's clock (expert review, hearing, testing: 行政许可法 Art. 45), telling the applicant
/// why. The working days until it resumes do not count against the limit.
/// </summary>
public sealed record PauseStepClock(Actor Actor, Guid StepId, string? Reason) : ICommand<StepResponse>, IAuditedCommand
{
    public string SubjectType => "step";

    public string? SubjectId => StepId.ToString();
}

public sealed class PauseStepClockHandler(AppDbContext db, TimeProvider clock, CaseNews news, ISender sender) : ICommandHandler<PauseStepClock, StepResponse>
{
    public async ValueTask<StepResponse> Handle(PauseStepClock command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Trim().Length > 1000)
            throw RefusedException.Invalid("reason", L.T("请填写暂停计时的理由（将告知申请人），最多 1000 个字符。", "Give the reason the clock stops (told to the applicant), at most 1,000 characters."));
        var step = await db.StepForDepartmentOfficerAsync(command.Actor, command.StepId, ct);
        if (step.AcceptedAt is null || step.Status is not (StepStatus.UnderReview or StepStatus.AwaitingDecision))
            throw RefusedException.Conflict(L.T($"“{step.Name}”环节未在计时：计时自受理起至作出决定止。", $"The clock of step {step.StepCode} is not running: it runs from acceptance until the decision."));
        if (step.ClockPausedAt is not null) throw RefusedException.Conflict(L.T($"“{step.Name}”环节已暂停计时。", $"The clock of step {step.StepCode} is already paused."));
        var now = clock.GetUtcNow().UtcDateTime;
        step.PauseClock(now, command.Actor.Name, command.Reason.Trim());
        await news.ClockAsync(step, paused: true, command.Reason.Trim(), now, ct);
        await db.SaveChangesAsync(ct);
        return await sender.Send(new GetStep(command.Actor, step.Id), ct);
    }
}
