using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>A step with the case and project it belongs to, the shape every supervision query starts from.</summary>
public sealed class SupervisedStep
{
    public required ApprovalStep Step { get; init; }

    public required ApprovalCase Case { get; init; }

    public required Project Project { get; init; }

    /// <summary>The statuses of an open step (<see cref="ApprovalStep.IsOpen"/>), as a list SQL can take.</summary>
    public static readonly StepStatus[] OpenStatuses =
    [
        StepStatus.AwaitingAcceptance, StepStatus.UnderReview, StepStatus.AwaitingDecision, StepStatus.ReturnedForCorrection,
        StepStatus.Suspended, StepStatus.VirtuallyApproved,
    ];

    /// <summary>Steps joined to their case and project, narrowed to the scope; still a query, nothing read yet.</summary>
    public static IQueryable<SupervisedStep> In(AppDbContext db, SupervisionScope scope)
    {
        var rows =
            from s in db.Set<ApprovalStep>()
            join c in db.Set<ApprovalCase>() on s.CaseId equals c.Id
            join p in db.Set<Project>() on c.ProjectId equals p.Id
            select new SupervisedStep { Step = s, Case = c, Project = p };
        if (scope.Everything) return rows;
        if (scope.Department is { } department) return rows.Where(r => r.Step.Department == department);
        if (scope.PairedLeaderUserId is { } leader) return rows.Where(r => r.Project.PairedLeaderUserId == leader);
        return rows.Where(r => false);
    }
}
