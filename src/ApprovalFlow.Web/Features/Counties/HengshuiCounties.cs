namespace ApprovalFlow.Web.Features.Counties;

/// <summary>
/// The 13 counties and districts of the seed with their 2020 investment growth targets (its Annex 1). Codes are the
/// GB/T 2260 county codes; the high-tech zone and Binhu new area are no administrative divisions and carry the
/// statistical division codes (统计用区划代码) of the National Bureau of Statistics. See docs/project-code.md.
/// </summary>
public static class HengshuiCounties
{
    public static readonly IReadOnlyList<County> All =
    [
        new() { Code = "131102", Name = "桃城区", InvestmentGrowthTarget2020 = 7m, SortOrder = 1 },
        new() { Code = "131103", Name = "冀州区", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 2 },
        new() { Code = "131121", Name = "枣强县", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 3 },
        new() { Code = "131122", Name = "武邑县", InvestmentGrowthTarget2020 = 7.5m, SortOrder = 4 },
        new() { Code = "131182", Name = "深州市", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 5 },
        new() { Code = "131123", Name = "武强县", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 6 },
        new() { Code = "131124", Name = "饶阳县", InvestmentGrowthTarget2020 = 7m, SortOrder = 7 },
        new() { Code = "131125", Name = "安平县", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 8 },
        new() { Code = "131126", Name = "故城县", InvestmentGrowthTarget2020 = 8m, SortOrder = 9 },
        new() { Code = "131127", Name = "景县", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 10 },
        new() { Code = "131128", Name = "阜城县", InvestmentGrowthTarget2020 = 8m, SortOrder = 11 },
        new() { Code = "131171", Name = "衡水高新区", InvestmentGrowthTarget2020 = 6.5m, SortOrder = 12 },
        new() { Code = "131172", Name = "滨湖新区", InvestmentGrowthTarget2020 = 4m, SortOrder = 13 },
    ];
}
