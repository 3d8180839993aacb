using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Ui.Supervision;

/// <summary>Project lists and kinds, as the API names them, in the UI language.</summary>
public static class ProjectTermsText
{
    public static readonly IReadOnlyList<string> ThreeLists = ["under-construction", "planned-new-start", "reserve"];

    public static string List(string? list) => list switch
    {
        "under-construction" => L.T("在建", "Under construction"),
        "planned-new-start" => L.T("拟新开工", "Planned new start"),
        "reserve" => L.T("储备", "Reserve"),
        "completed" => L.T("竣工", "Completed"),
        _ => list ?? "—",
    };

    public static string Kind(string? kind) => kind switch
    {
        "government-invested" => L.T("政府投资", "Government-invested"),
        "approved" => L.T("核准", "Approved"),
        "filed" => L.T("备案", "Filed"),
        _ => kind ?? "—",
    };

    /// <summary>An amount in 万元 (10,000 yuan).</summary>
    public static string Amount(decimal tenThousandYuan) => L.T($"{tenThousandYuan:#,0.##} 万元", $"{tenThousandYuan * 10_000m:#,0} yuan");
}
