namespace ApprovalFlow.Web.Features.Projects;

/// <summary>How a project is authorised; it sets the approval time targets (Hebei: 39 / 33 / 31 working days).</summary>
public enum ProjectKind
{
    /// <summary>政府投资: approved by the investment authority.</summary>
    GovernmentInvested,

    /// <summary>核准: an enterprise project on the approval catalogue.</summary>
    Approved,

    /// <summary>备案: an enterprise project that is only filed.</summary>
    Filed,
}
