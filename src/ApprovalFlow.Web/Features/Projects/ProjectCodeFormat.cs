namespace ApprovalFlow.Web.Features.Projects;

/// <summary>The two layouts of a project code (项目代码) that occur in practice.</summary>
public enum ProjectCodeFormat
{
    /// <summary><c>YYMM-RRRRRR-DD-TT-NNNNNC</c>, issued since November 2020 and standardised as GB/T 40058-2021, with a check digit.</summary>
    Gbt40058,

    /// <summary><c>YYYY-RRRRRR-XX-XX-NNNNNN</c>, issued before the switch; it has no check digit.</summary>
    Legacy,
}
