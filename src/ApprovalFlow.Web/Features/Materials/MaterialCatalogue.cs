namespace ApprovalFlow.Web.Features.Materials;

/// <summary>
/// The materials shipped for the five pre-start steps. Secondary (may be tolerated) are the kinds domain.md names:
/// documents on the data-sharing platform, documents the applicant writes itself, materials the department already
/// holds, and results of another department's earlier item.
/// </summary>
public static class MaterialCatalogue
{
    public sealed record Entry(string StepCode, string Code, string Name, bool IsMain, string? Note);

    private const string SharedPlatform = "available on the data-sharing platform (共享平台)";
    private const string OwnDocument = "written by the applicant itself";
    private const string EarlierItem = "the result of another department's earlier item";

    public static readonly IReadOnlyList<Entry> Shipped =
    [
        new("land", "land-application", "建设用地申请表", true, null),
        new("land", "land-approval", "用地批准文件", true, "land-use approval or land transfer contract (出让合同)"),
        new("land", "cadastral-survey", "宗地图及勘测定界报告", true, null),
        new("land", "business-licence", "营业执照复印件", false, SharedPlatform),
        new("land", "project-filing", "项目备案证明", false, EarlierItem),
        new("land", "power-of-attorney", "授权委托书", false, OwnDocument),

        new("planning", "planning-application", "建设工程规划许可申请表", true, null),
        new("planning", "site-plan", "总平面图及建筑设计方案", true, null),
        new("planning", "land-certificate", "不动产权证书或用地批准文件", false, EarlierItem),
        new("planning", "business-licence", "营业执照复印件", false, SharedPlatform),
        new("planning", "power-of-attorney", "授权委托书", false, OwnDocument),

        new("eia", "eia-report", "环境影响报告表", true, "report form (报告表); a report (报告书) is a main material too"),
        new("eia", "eia-application", "建设项目环境影响评价审批申请", true, null),
        new("eia", "business-licence", "营业执照复印件", false, SharedPlatform),
        new("eia", "disclosure-statement", "环评信息公开说明", false, OwnDocument),
        new("eia", "project-filing", "项目备案证明", false, EarlierItem),

        new("safety", "safety-report", "安全预评价报告", true, null),
        new("safety", "safety-application", "安全条件审查申请书", true, null),
        new("safety", "business-licence", "营业执照复印件", false, SharedPlatform),
        new("safety", "safety-commitment", "安全生产承诺书", false, OwnDocument),

        new("permit", "permit-application", "建筑工程施工许可证申请表", true, null),
        new("permit", "construction-drawings", "施工图设计文件审查合格书", true, null),
        new("permit", "contracts", "施工合同及监理合同", true, null),
        new("permit", "planning-permit", "建设工程规划许可证", false, EarlierItem),
        new("permit", "funding-proof", "建设资金已落实承诺书", false, OwnDocument),
        new("permit", "business-licence", "营业执照复印件", false, SharedPlatform),
    ];
}
