using ApprovalFlow.Web.Features.Lights;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>How a working-day deadline reads in the UI: the light, "3 working days left", and its colour.</summary>
public static class DeadlineReading
{
    public static string DaysText(int workingDaysLeft) => workingDaysLeft switch
    {
        < 0 => L.T($"已超期 {-workingDaysLeft} 个工作日", $"{-workingDaysLeft} working day{(workingDaysLeft == -1 ? "" : "s")} overdue"),
        0 => L.T("今日到期", "due today"),
        _ => L.T($"剩余 {workingDaysLeft} 个工作日", $"{workingDaysLeft} working day{(workingDaysLeft == 1 ? "" : "s")} left"),
    };

    public static string LightText(Light light) => light switch
    {
        Light.Red => L.T("红灯", "Red"),
        Light.Yellow => L.T("黄灯", "Yellow"),
        _ => L.T("绿灯", "Green"),
    };

    public static MudBlazor.Color Colour(Light? light) => light switch
    {
        Light.Red => MudBlazor.Color.Error,
        Light.Yellow => MudBlazor.Color.Warning,
        Light.Green => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>Sort key: red first, then yellow, then green, then no deadline.</summary>
    public static int Urgency(Light? light) => light switch
    {
        Light.Red => 0,
        Light.Yellow => 1,
        Light.Green => 2,
        _ => 3,
    };
}
