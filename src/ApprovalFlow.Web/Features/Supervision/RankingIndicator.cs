namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// The indicators counties are ranked on each month, with their direction. Open steps are reported but not ranked:
/// they measure how much work a county has, not how well it is done.
/// </summary>
public enum RankingIndicator
{
    /// <summary>Overdue steps at the month's end (超期环节数); fewer is better.</summary>
    Overdue,

    /// <summary>Steps decided in the month (办结数); more is better.</summary>
    Completed,

    /// <summary>Average working days from acceptance to decision (平均办理工作日); fewer is better.</summary>
    AverageWorkingDaysToDecide,

    /// <summary>90th percentile working days to decide (90%分位办理工作日); fewer is better.</summary>
    P90WorkingDaysToDecide,

    /// <summary>Share decided within the time limit (按时办结率); more is better.</summary>
    ShareDecidedWithinLimit,
}

public static class RankingIndicators
{
    public static readonly RankingIndicator[] All = Enum.GetValues<RankingIndicator>();

    public static bool HigherIsBetter(this RankingIndicator indicator) =>
        indicator is RankingIndicator.Completed or RankingIndicator.ShareDecidedWithinLimit;

    /// <summary>The API's name: camel case (overdue, completed, averageWorkingDaysToDecide, ...).</summary>
    public static string Term(this RankingIndicator indicator)
    {
        var name = indicator.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The Chinese heading used in reports.</summary>
    public static string Heading(this RankingIndicator indicator) => indicator switch
    {
        RankingIndicator.Overdue => "超期环节数",
        RankingIndicator.Completed => "办结数",
        RankingIndicator.AverageWorkingDaysToDecide => "平均办理工作日",
        RankingIndicator.P90WorkingDaysToDecide => "90%分位办理工作日",
        _ => "按时办结率",
    };

    /// <summary>
    /// The county's value on the indicator, or null when it is not ranked on it: a county with no step open and none
    /// decided in the month is ranked on nothing; one that decided nothing is not ranked on the time indicators.
    /// </summary>
    public static double? ValueOf(this RankingIndicator indicator, FigureRow row)
    {
        var active = row.Open > 0 || row.Completed > 0;
        return indicator switch
        {
            RankingIndicator.Overdue => active ? row.Overdue : null,
            RankingIndicator.Completed => active ? row.Completed : null,
            RankingIndicator.AverageWorkingDaysToDecide => row.AverageWorkingDaysToDecide,
            RankingIndicator.P90WorkingDaysToDecide => row.P90WorkingDaysToDecide,
            _ => row.ShareDecidedWithinLimit,
        };
    }
}
