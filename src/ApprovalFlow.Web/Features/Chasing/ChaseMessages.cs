using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Notifications;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>The texts of the ladder's notifications, in Chinese with an English variant.</summary>
public static class ChaseMessages
{
    public static string Kind(ChaseLevel level) => level switch
    {
        ChaseLevel.Reminder => "chase.reminder",
        ChaseLevel.Escalation => "chase.escalation",
        _ => "chase.leader-escalation",
    };

    /// <summary>A step or a pledge verification: <paramref name="what"/> is the step's or task's name.</summary>
    public static NotificationText ForWork(ChaseLevel level, string project, string what, string department, DateTime deadline, int workingDaysLeft)
    {
        var due = ChinaStandardTime.DateOf(deadline).ToString("yyyy-MM-dd");
        var late = Math.Max(1, -workingDaysLeft);
        return level switch
        {
            ChaseLevel.Reminder => new(
                $"【提醒】{project}·{what}即将到期",
                $"项目“{project}”的“{what}”（{department}）将于{due}到期，剩余{Math.Max(0, workingDaysLeft)}个工作日，请及时办理。",
                $"Reminder: {what} of {project} is due soon",
                $"\"{what}\" ({department}) of project \"{project}\" is due on {due}, {Math.Max(0, workingDaysLeft)} working day(s) left; please act."),
            ChaseLevel.Escalation => new(
                $"【催办】{project}·{what}已超期",
                $"项目“{project}”的“{what}”（{department}）已于{due}到期未办结，超期{late}个工作日，请督促办理。",
                $"Overdue: {what} of {project}",
                $"\"{what}\" ({department}) of project \"{project}\" was due on {due} and is {late} working day(s) overdue; please see it done."),
            _ => new(
                $"【督办】{project}·{what}超期{late}个工作日",
                $"项目“{project}”的“{what}”（{department}）已于{due}到期，至今超期{late}个工作日仍未办结，提请包联领导和督查部门督办。",
                $"Escalated: {what} of {project} is {late} working days overdue",
                $"\"{what}\" ({department}) of project \"{project}\" was due on {due} and is still open {late} working day(s) later; escalated to the paired leader and the supervisors."),
        };
    }

    /// <summary>A tolerated gap: the enterprise must supply the missing materials.</summary>
    public static NotificationText ForGap(ChaseLevel level, string project, string materials, DateTime deadline, int workingDaysLeft)
    {
        var due = ChinaStandardTime.DateOf(deadline).ToString("yyyy-MM-dd");
        return level == ChaseLevel.Reminder
            ? new(
                $"【提醒】{project}容缺材料即将到期",
                $"项目“{project}”的容缺材料（{materials}）须于{due}前补齐，剩余{Math.Max(0, workingDaysLeft)}个工作日，逾期将中止办理。",
                $"Reminder: missing materials of {project} are due soon",
                $"The missing materials ({materials}) of project \"{project}\" are due on {due}, {Math.Max(0, workingDaysLeft)} working day(s) left; after that the step is suspended.")
            : new(
                $"【催办】{project}容缺材料已逾期",
                $"项目“{project}”的容缺材料（{materials}）补正期限{due}已过，审批环节已中止；宽限期后仍未补齐将退件并记入信用记录。",
                $"Overdue: missing materials of {project}",
                $"The supplement deadline {due} of project \"{project}\" has passed and the step is suspended; still missing after the grace period, the application is returned and a credit record written.");
    }
}
