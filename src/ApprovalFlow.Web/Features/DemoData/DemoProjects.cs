using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>
/// The dozen demo projects, all of 5,000 万元 and more, across several of the 13 counties, with project codes of both
/// formats. Every code goes through <see cref="ProjectCode"/> when the list is built, so a bad one fails at once.
/// </summary>
public static class DemoProjects
{
    private static readonly DemoEnterprise First = DemoEnterprise.First;
    private static readonly DemoEnterprise Second = DemoEnterprise.Second;

    /// <summary>The first project doubles as the marker: when its code is registered, the demo data is there.</summary>
    public static readonly IReadOnlyList<DemoProject> All =
    [
        new(Gbt("2503", "131102", "04", "01", "00001"), "衡水市某新材料产业园项目", First, "131102", "新材料", 86_000m, "filed", "planned-new-start"),
        new(Gbt("2504", "131182", "04", "01", "00002"), "深州市某农产品冷链物流中心项目", Second, "131182", "仓储物流", 52_000m, "filed", "planned-new-start"),
        new(Gbt("2502", "131103", "04", "02", "00003"), "冀州区某高端装备制造基地项目", First, "131103", "装备制造", 120_000m, "approved", "planned-new-start"),
        new(Gbt("2505", "131125", "04", "01", "00004"), "安平县某丝网产业智能化改造项目", Second, "131125", "金属制品", 65_000m, "filed", "planned-new-start"),
        new(Gbt("2501", "131171", "04", "01", "00005"), "衡水高新区某生物医药产业园项目", First, "131171", "生物医药", 150_000m, "filed", "planned-new-start"),
        new(Gbt("2506", "131182", "04", "01", "00006"), "深州市某食品精深加工项目", Second, "131182", "食品加工", 58_000m, "filed", "planned-new-start"),
        new(Legacy("2019", "131127", "04", "01", "000107"), "景县某橡塑制品产业园项目", First, "131127", "橡胶和塑料制品", 73_500m, "filed", "planned-new-start"),
        new(Gbt("2504", "131182", "04", "02", "00008"), "深州市某新能源装备制造项目", Second, "131182", "新能源装备", 98_000m, "approved", "planned-new-start"),
        new(Gbt("2507", "131172", "02", "01", "00009"), "滨湖新区某文化旅游综合体项目", First, "131172", "文化旅游", 210_000m, "government-invested", "planned-new-start"),
        new(Legacy("2020", "131126", "04", "01", "000210"), "故城县某纺织服装产业园项目", Second, "131126", "纺织服装", 56_000m, "filed", "reserve"),
        new(Gbt("2508", "131122", "04", "01", "00011"), "武邑县某智能家居制造项目", First, "131122", "家具制造", 61_000m, "filed", "reserve"),
        new(Gbt("2509", "131128", "04", "01", "00012"), "阜城县某光伏发电项目", Second, "131128", "电力", 88_000m, "approved", "reserve"),
    ];

    public static DemoProject Marker => All[0];

    /// <summary>A GB/T 40058-2021 code: YYMM-region-DD-TT-serial and its MOD 11,10 check digit.</summary>
    private static string Gbt(string yymm, string region, string dd, string tt, string serial)
    {
        var digits = yymm + region + dd + tt + serial;
        return ProjectCode.Parse($"{yymm}-{region}-{dd}-{tt}-{serial}{ProjectCodeCheckDigit.Iso7064Mod11Radix10(digits)}").Value;
    }

    /// <summary>An older code (YYYY-region-XX-XX-serial), without a check digit.</summary>
    private static string Legacy(string year, string region, string xx, string yy, string serial)
    {
        var code = ProjectCode.Parse($"{year}-{region}-{xx}-{yy}-{serial}");
        return code.Format == ProjectCodeFormat.Legacy ? code.Value : throw new InvalidOperationException($"{code} is no legacy code.");
    }
}
