using System.Linq.Expressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// What every supervision query starts from: the open statuses, as a list and as a condition SQL can take, and the steps a
/// scope may see.
/// </summary>
public static class SupervisedStep
{
    /// <summary>The statuses of an open step (<see cref="ApprovalStep.IsOpen"/>), as a list SQL can take.</summary>
    public static readonly StepStatus[] OpenStatuses = StepStatuses.Open;

    /// <summary>
    /// <see cref="ApprovalStep.IsOpen"/> as SQL can take it with the statuses written as constants, so that the
    /// database matches it to the partial open-step indexes (<see cref="SupervisionStepIndexes"/>).
    /// </summary>
    public static readonly Expression<Func<ApprovalStep, bool>> IsOpen = OneOf(OpenStatuses);

    /// <summary>The same as a filter of an index: <c>"Status" IN (…)</c>.</summary>
    public static string OpenFilterSql => $"\"Status\" IN ({string.Join(", ", OpenStatuses.Select(s => (int)s).Order())})";

    /// <summary>
    /// The steps the scope may see, without joins (the step carries its county): everything, a department's (in its
    /// county, for a county's officer), or those of the projects a leader is paired with.
    /// </summary>
    public static IQueryable<ApprovalStep> StepsIn(AppDbContext db, SupervisionScope scope)
    {
        var steps = db.Set<ApprovalStep>();
        if (scope.Everything) return steps;
        if (scope.Department is { } department)
        {
            var ofDepartment = steps.Where(s => s.Department == department);
            return scope.County is { Length: > 0 } county ? ofDepartment.Where(s => s.CountyCode == county) : ofDepartment;
        }
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

    /// <summary><c>s.Status == a || s.Status == b || …</c> with the statuses as constants (EF writes <c>IN (a, b, …)</c>).</summary>
    private static Expression<Func<ApprovalStep, bool>> OneOf(IEnumerable<StepStatus> statuses)
    {
        var step = Expression.Parameter(typeof(ApprovalStep), "s");
        var status = Expression.Property(step, nameof(ApprovalStep.Status));
        var body = statuses.Select(x => (Expression)Expression.Equal(status, Expression.Constant(x)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<ApprovalStep, bool>>(body, step);
    }
}
