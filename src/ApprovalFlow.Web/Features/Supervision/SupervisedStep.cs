using System.Linq.Expressions;
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

    /// <summary>
    /// <see cref="ApprovalStep.IsOpen"/> as SQL can take it with the statuses written as constants, so that the
    /// database matches it to the partial open-step indexes (<see cref="SupervisionStepIndexes"/>).
    /// </summary>
    public static readonly Expression<Func<ApprovalStep, bool>> IsOpen = s =>
        s.Status == StepStatus.AwaitingAcceptance || s.Status == StepStatus.UnderReview || s.Status == StepStatus.AwaitingDecision
        || s.Status == StepStatus.ReturnedForCorrection || s.Status == StepStatus.Suspended || s.Status == StepStatus.VirtuallyApproved;

    /// <summary>The same as a filter of an index: <c>"Status" IN (…)</c>.</summary>
    public static string OpenFilterSql => $"\"Status\" IN ({string.Join(", ", OpenStatuses.Select(s => (int)s).Order())})";

    /// <summary>
    /// The steps the scope may see, without joins (the step carries its county): everything, a department's, or those
    /// of the projects a leader is paired with.
    /// </summary>
    public static IQueryable<ApprovalStep> StepsIn(AppDbContext db, SupervisionScope scope)
    {
        var steps = db.Set<ApprovalStep>();
        if (scope.Everything) return steps;
        if (scope.Department is { } department) return steps.Where(s => s.Department == department);
        if (scope.PairedLeaderUserId is { } leader)
        {
            var cases = from c in db.Set<ApprovalCase>()
                        join p in db.Set<Project>() on c.ProjectId equals p.Id
                        where p.PairedLeaderUserId == leader
                        select c.Id;
            return steps.Where(s => cases.Contains(s.CaseId));
        }
        return steps.Where(s => false);
    }

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
