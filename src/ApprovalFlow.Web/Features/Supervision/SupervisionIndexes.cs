using ApprovalFlow.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// The indexes the supervision queries need on the approval tables, kept beside the queries that use them (EF Core
/// applies this together with the approvals' own mapping): stalled steps seek open statuses by due date and by last
/// action; figures read decisions by date inside an index; per-county lists join cases by county. Two partial indexes hold only the
/// open steps, with the columns the stalled-steps page filters on, so that page counts and orders inside the index:
/// one by due date (the overdue part, and the page order), one by last action (the part without action; it also holds
/// what the figures count the open steps by).
/// </summary>
public sealed class SupervisionStepIndexes : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> e)
    {
        e.HasIndex(x => new { x.Status, x.DueAt });
        e.HasIndex(x => new { x.Status, x.LastActionAt });
        // The decisions of a period, with what the figures group and count them by, read inside the index.
        e.HasIndex(x => new { x.DecidedAt, x.CountyCode, x.Department, x.StepCode, x.AcceptedAt, x.DueAt }, "IX_approval_steps_decided");
        e.HasIndex(x => new
                {
                    x.DueAt, x.LastActionAt, x.Id, x.CountyCode, x.Department, x.StepCode, x.TimeLimitDays, x.ClockPausedAt, x.Status, x.CreatedAt,
                    x.DecidedAt,
                },
                "IX_approval_steps_open_by_due")
            .HasFilter(SupervisedStep.OpenFilterSql);
        e.HasIndex(x => new
                {
                    x.LastActionAt, x.DueAt, x.ClockPausedAt, x.CountyCode, x.Department, x.StepCode, x.TimeLimitDays, x.Id, x.Status, x.CreatedAt,
                    x.DecidedAt,
                },
                "IX_approval_steps_open_by_last_action")
            .HasFilter(SupervisedStep.OpenFilterSql);
    }
}

public sealed class SupervisionCaseIndexes : IEntityTypeConfiguration<ApprovalCase>
{
    public void Configure(EntityTypeBuilder<ApprovalCase> e)
    {
        e.HasIndex(x => new { x.CountyCode, x.Status });
    }
}
