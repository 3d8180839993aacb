namespace ApprovalFlow.Web.Features.Projects;

/// <summary>The project lists (三个清单) of the seed, plus completion.</summary>
public enum ProjectList
{
    /// <summary>储备.</summary>
    Reserve,

    /// <summary>拟新开工.</summary>
    PlannedNewStart,

    /// <summary>在建.</summary>
    UnderConstruction,

    /// <summary>竣工.</summary>
    Completed,
}
