using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Features.ProjectLists;

/// <summary>The three lists (三个清单) and their threshold.</summary>
public static class ProjectListTerms
{
    /// <summary>The lists hold projects of 50 million yuan and more: 5,000 万元, the unit of <see cref="Project.TotalInvestment"/>.</summary>
    public const decimal Threshold = 5_000m;

    public static readonly ProjectList[] Three = [ProjectList.UnderConstruction, ProjectList.PlannedNewStart, ProjectList.Reserve];

    public static string Heading(this ProjectList list) => list switch
    {
        ProjectList.UnderConstruction => "在建",
        ProjectList.PlannedNewStart => "拟新开工",
        ProjectList.Reserve => "储备",
        _ => "竣工",
    };
}
