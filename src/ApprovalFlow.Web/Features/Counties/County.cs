namespace ApprovalFlow.Web.Features.Counties;

/// <summary>One of the 13 counties and districts of Hengshui (衡水市各县市区), reference data for projects and rankings.</summary>
public sealed class County
{
    /// <summary>The six-digit division code, e.g. <c>131102</c> for 桃城区; stable, used as the key.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>The 2020 fixed-asset investment growth target in percent (Annex 1 of the seed), e.g. 6.5.</summary>
    public required decimal InvestmentGrowthTarget2020 { get; init; }

    /// <summary>The order of the seed's list, which is also the order of official tables.</summary>
    public required int SortOrder { get; init; }
}
