namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>
/// The kinds of message a user can switch on or off per channel (站内消息, 邮件), with their names in both languages. The
/// chase's reminders and escalations (<c>chase.*</c>) are official 督办 and cannot be switched off.
/// </summary>
public static class NotificationKinds
{
    public const string NewTask = "task.new";
    public const string Accepted = "step.accepted";
    public const string Returned = "step.returned";
    public const string Clock = "step.clock";
    public const string Decided = "step.decided";
    public const string CaseEnded = "case.ended";

    public sealed record Kind(string Code, string Name, string NameEn, string Audience, string AudienceEn);

    public static readonly IReadOnlyList<Kind> Choosable =
    [
        new(NewTask, "新的待办", "New task for my department", "审批人员", "officers"),
        new(Accepted, "受理、容缺受理", "Accepted, accepted with a tolerated gap", "企业", "enterprises"),
        new(Returned, "退回补正（附理由）", "Returned for correction (with reasons)", "企业", "enterprises"),
        new(Clock, "计时暂停与恢复（附理由）", "Clock paused and resumed (with the reason)", "企业", "enterprises"),
        new(Decided, "审批决定", "Decisions", "企业", "enterprises"),
        new(CaseEnded, "案件办结或终止", "Case completed or terminated", "企业", "enterprises"),
    ];

    public static bool IsChoosable(string kind) => Choosable.Any(k => k.Code == kind);
}
