using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Ui.Supervision;

/// <summary>How step and department codes read in the UI; a code nobody named reads as itself.</summary>
public static class StepNames
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new(StringComparer.Ordinal)
    {
        ["register"] = ("综合窗口登记", "Registration"),
        ["land"] = ("土地手续", "Land"),
        ["planning"] = ("规划许可", "Planning"),
        ["eia"] = ("环评", "EIA"),
        ["safety"] = ("安评", "Safety assessment"),
        ["permit"] = ("施工许可", "Construction permit"),
        ["filing-check"] = ("核验用地和备案", "Land and filing check"),
        ["pledge"] = ("签署承诺书", "Pledge"),
        ["verify"] = ("承诺核查", "Pledge verification"),
        ["revoke"] = ("撤销", "Revocation"),
        ["acceptance"] = ("联合验收", "Joint acceptance"),
        ["start-conditions"] = ("开工条件确认", "Start conditions"),
    };

    /// <summary>The steps supervisors filter by, in the order of the pre-construction approval.</summary>
    public static readonly IReadOnlyList<string> Known = [.. Names.Keys];

    public static string Of(string code) => Names.TryGetValue(code, out var n) ? L.T(n.Zh, n.En) : code;

    public static string Department(string? code) =>
        code is null ? "—" : Departments.Find(code) is { } d ? L.T(d.Name, d.NameEn) : code;
}
