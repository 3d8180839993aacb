using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>What to tell the user when the domain says no; anything else is a bug and propagates.</summary>
public static class UiRefusal
{
    public static bool TryDescribe(Exception exception, out string message)
    {
        message = exception switch
        {
            RefusedException r when r.Errors is { Count: > 0 } => L.T("未通过校验：", "Not accepted: ") + string.Join(" ", r.Errors.SelectMany(e => e.Value)),
            RefusedException r => L.T("操作被拒绝：", "Refused: ") + r.Message,
            EngineException e => L.T("流程引擎拒绝：", "The engine refused: ") + e.Message,
            CalendarRuleException c => L.T("日历规则：", "Calendar rule: ") + c.Message,
            _ => "",
        };
        return message.Length > 0;
    }
}
