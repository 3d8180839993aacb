namespace ApprovalFlow.Web.Features.Reports;

/// <summary>The supervision rhythm of the seed: ten-day analysis, monthly dispatch, quarterly settlement (旬分析、月调度、季结账).</summary>
public enum ReportKind
{
    /// <summary>旬: days 1–10, 11–20, 21 to the month's end.</summary>
    TenDay,

    /// <summary>月.</summary>
    Month,

    /// <summary>季.</summary>
    Quarter,
}

public static class ReportKinds
{
    public static string Term(this ReportKind kind) => kind switch
    {
        ReportKind.TenDay => "ten-day",
        ReportKind.Month => "month",
        _ => "quarter",
    };

    public static string Heading(this ReportKind kind) => kind switch
    {
        ReportKind.TenDay => "旬报",
        ReportKind.Month => "月报",
        _ => "季报",
    };

    public static bool TryRead(string? text, out ReportKind kind)
    {
        foreach (var k in Enum.GetValues<ReportKind>())
        {
            if (string.Equals(k.Term(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
