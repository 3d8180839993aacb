using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>
/// What a case's people wait to hear, told in the same transaction as the change (站内消息 and e-mail, as each recipient
/// chose): the enterprise hears of acceptance (with the gap and its deadline), returns with their reasons, the clock
/// pausing and resuming with the reason, decisions and the case's end; the officers of a task's department — of the
/// case's county, or at city level — hear of a new task. The one place that writes these texts.
/// </summary>
public sealed class CaseNews(AppDbContext db, Notifier notifier)
{
    public sealed record StepMove(ApprovalStep Step, StepStatus From, StepStatus To, string? Note);

    /// <summary>After a transition of the case (the StepKeeper): its steps' moves, the tasks it opened, whether the case ended.</summary>
    public async Task TransitionAsync(ApprovalCase approvalCase, IReadOnlyList<StepMove> moves, IReadOnlyList<OpenTaskInfo> opened,
        DateTime at, CancellationToken ct)
    {
        if (moves.Count == 0 && opened.Count == 0 && approvalCase.Status == ApprovalCaseStatus.Running) return;
        // Read only when some news needs them: most moves (a review handing on to the decision) tell nobody.
        string? projectName = null;
        List<Recipient>? enterpriseUsers = null;
        async Task<string> ProjectAsync() => projectName ??= await ProjectNameAsync(approvalCase, ct);
        async Task<List<Recipient>> EnterpriseAsync() => enterpriseUsers ??= await EnterpriseUsersAsync(approvalCase.EnterpriseId, ct);
        var link = UiRoutes.Case(approvalCase.Id);

        foreach (var move in moves)
        {
            if (await EnterpriseTextAsync(ProjectAsync, move, at, ct) is { } news)
                await notifier.NotifyAsync(await EnterpriseAsync(), news.Kind, news.Text, link, approvalCase.Id, at, ct);
        }
        if (approvalCase.Status != ApprovalCaseStatus.Running && approvalCase.EndedAt == at)
        {
            var project = await ProjectAsync();
            var done = approvalCase.Status == ApprovalCaseStatus.Completed;
            await notifier.NotifyAsync(await EnterpriseAsync(), NotificationKinds.CaseEnded, done
                    ? new NotificationText($"【办结】{project}", $"项目“{project}”的并联审批已全部办结。",
                        $"Completed: {project}", $"The parallel approval of project \"{project}\" is complete.")
                    : new NotificationText($"【终止】{project}", $"项目“{project}”的并联审批已终止，未办结的环节已撤回。",
                        $"Terminated: {project}", $"The parallel approval of project \"{project}\" was terminated; its open steps were withdrawn."),
                link, approvalCase.Id, at, ct);
        }

        foreach (var task in opened)
        {
            var officers = await OfficersAsync(task.CandidateGroups, approvalCase.CountyCode, ct);
            if (officers.Count == 0) continue;
            var step = approvalCase.Steps.FirstOrDefault(s => s.StepCode == task.Extensions.GetValueOrDefault(ApprovalRoles.StepCode));
            var what = step?.Name ?? task.Extensions.GetValueOrDefault("name") ?? "";
            var action = RoleName(ApprovalRoles.RoleOf(task.Extensions));
            var project = await ProjectAsync();
            await notifier.NotifyAsync(officers, NotificationKinds.NewTask,
                new NotificationText($"【新待办】{project}·{what}待{action.Zh}",
                    $"项目“{project}”的“{what}”有一项{action.Zh}任务，请到“我的待办”签收办理。",
                    $"New task: {action.En} {what} of {project}",
                    $"\"{what}\" of project \"{project}\" has a task to {action.En}; claim it in your inbox."),
                UiRoutes.Inbox, approvalCase.Id, at, ct);
        }
    }

    /// <summary>The department stopped or restarted a step's clock (PauseStepClock, ResumeStepClock).</summary>
    public async Task ClockAsync(ApprovalStep step, bool paused, string? reason, DateTime at, CancellationToken ct)
    {
        var approvalCase = await db.Set<ApprovalCase>().AsNoTracking().SingleAsync(c => c.Id == step.CaseId, ct);
        var project = await ProjectNameAsync(approvalCase, ct);
        var text = paused
            ? new NotificationText($"【计时暂停】{project}·{step.Name}",
                $"项目“{project}”的“{step.Name}”自{Day(at)}起暂停计时，原因：{reason}。暂停期间不计入办理时限。",
                $"Clock paused: {step.Name} of {project}",
                $"The clock of \"{step.Name}\" of project \"{project}\" stopped on {Day(at)}. Reason: {reason}. The pause does not count against the time limit.")
            : new NotificationText($"【恢复计时】{project}·{step.Name}",
                $"项目“{project}”的“{step.Name}”已于{Day(at)}恢复计时。",
                $"Clock resumed: {step.Name} of {project}",
                $"The clock of \"{step.Name}\" of project \"{project}\" runs again from {Day(at)}.");
        await notifier.NotifyAsync(await EnterpriseUsersAsync(approvalCase.EnterpriseId, ct), NotificationKinds.Clock, text,
            UiRoutes.Case(approvalCase.Id), approvalCase.Id, at, ct);
    }

    private async Task<(string Kind, NotificationText Text)?> EnterpriseTextAsync(Func<Task<string>> projectOf, StepMove move, DateTime at,
        CancellationToken ct)
    {
        var step = move.Step;
        var name = step.Name;
        var reasons = string.IsNullOrWhiteSpace(move.Note) ? "" : move.Note.Trim();
        switch (move.To)
        {
            case StepStatus.UnderReview when move.From is StepStatus.AwaitingAcceptance:
            {
                var project = await projectOf();
                // The due date is set once the acceptance is through; the limit is known already.
                var limit = step.TimeLimitDays is { } days
                    ? ($"办理时限{days}个工作日，自受理之日起计算，暂停计时的日子不计入。", $"The time limit is {days} working days from acceptance, pauses not counted.")
                    : ("", "");
                var gap = await OpenGapAsync(step.Id, ct);
                if (gap is null)
                    return (NotificationKinds.Accepted, new NotificationText($"【已受理】{project}·{name}",
                        $"项目“{project}”的“{name}”已于{Day(at)}受理。{limit.Item1}",
                        $"Accepted: {name} of {project}", $"\"{name}\" of project \"{project}\" was accepted. {limit.Item2}".TrimEnd()));
                var materials = string.Join("、", gap.Materials.Select(m => m.Name));
                return (NotificationKinds.Accepted, new NotificationText($"【容缺受理】{project}·{name}",
                    $"项目“{project}”的“{name}”已容缺受理。请于{Day(gap.SupplementDeadline)}前补齐：{materials}。逾期未补齐的，审批结果不予发放。{limit.Item1}",
                    $"Accepted with a tolerated gap: {name} of {project}",
                    $"\"{name}\" of project \"{project}\" was accepted with a tolerated gap. Supply by {Day(gap.SupplementDeadline)}: {materials}. Without them the result is withheld. {limit.Item2}".TrimEnd()));
            }
            case StepStatus.ReturnedForCorrection:
            {
                var project = await projectOf();
                return (NotificationKinds.Returned, new NotificationText($"【退回补正】{project}·{name}",
                    $"项目“{project}”的“{name}”被退回补正。理由：{(reasons.Length > 0 ? reasons : "见案件详情")}。请在“待我办理”中补正后重新提交。",
                    $"Returned for correction: {name} of {project}",
                    $"\"{name}\" of project \"{project}\" was returned for correction. Reasons: {(reasons.Length > 0 ? reasons : "see the case")}. Correct it and resubmit from your tasks."));
            }
            case StepStatus.Approved or StepStatus.Rejected or StepStatus.VirtuallyApproved or StepStatus.ReplacedByPledge
                or StepStatus.Lapsed or StepStatus.Revoked or StepStatus.Suspended:
            {
                var project = await projectOf();
                var status = StatusText.Pair(move.To);
                var why = move.To is StepStatus.Rejected or StepStatus.Revoked && reasons.Length > 0 ? (($"理由：{reasons}。"), $" Reasons: {reasons}.") : ("", "");
                return (NotificationKinds.Decided, new NotificationText($"【{status.Zh}】{project}·{name}",
                    $"项目“{project}”的“{name}”：{status.Zh}。{why.Item1}",
                    $"{status.En}: {name} of {project}", $"\"{name}\" of project \"{project}\": {status.En}.{why.Item2}"));
            }
            default:
                return null;
        }
    }

    private static (string Zh, string En) RoleName(TaskRole role) => role switch
    {
        TaskRole.Register => ("登记", "register"),
        TaskRole.Accept => ("受理", "accept"),
        TaskRole.Review => ("审查", "review"),
        TaskRole.Decide => ("决定", "decide"),
        TaskRole.VerifyPledge => ("核查承诺", "verify the pledge of"),
        TaskRole.ConfirmStart => ("确认开工条件", "confirm the start conditions of"),
        _ => ("办理", "work on"),
    };

    private static string Day(DateTime utc) => ChinaStandardTime.DateOf(utc).ToString("yyyy-MM-dd");

    private async Task<string> ProjectNameAsync(ApprovalCase approvalCase, CancellationToken ct) =>
        await db.Set<Project>().Where(p => p.Id == approvalCase.ProjectId).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? "";

    private async Task<ToleratedGap?> OpenGapAsync(Guid stepId, CancellationToken ct) =>
        db.Set<ToleratedGap>().Local.FirstOrDefault(g => g.StepId == stepId && g.IsPending)
        ?? await db.Set<ToleratedGap>().AsNoTracking().Include(g => g.Materials)
            .Where(g => g.StepId == stepId && (g.Status == GapStatus.Open || g.Status == GapStatus.Overdue))
            .OrderByDescending(g => g.OpenedAt).FirstOrDefaultAsync(ct);

    private async Task<List<Recipient>> EnterpriseUsersAsync(Guid enterpriseId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId).OrderBy(u => u.Id)
            .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);

    /// <summary>The officers of the task's departments who see the case's county (their own, or the city's level).</summary>
    private async Task<List<Recipient>> OfficersAsync(IReadOnlyList<string> departments, string county, CancellationToken ct)
    {
        if (departments.Count == 0) return [];
        var groups = departments.ToList();
        return await db.UsersInRole(AppRoles.Officer)
            .Where(u => groups.Contains(u.Department!) && (u.County == null || u.County == "" || u.County == county))
            .OrderBy(u => u.Id).Select(u => new Recipient(u.Id, u.Email)).AsNoTracking().ToListAsync(ct);
    }
}
