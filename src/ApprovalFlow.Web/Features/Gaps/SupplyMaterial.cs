using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>
/// The enterprise supplies one missing material of its gap (补齐材料). Once every listed material has arrived the gap is
/// supplied, the pledge kept and the step's result issued; a step the deadline had suspended resumes where it stood.
/// </summary>
public sealed record SupplyMaterial(Actor Actor, Guid GapId, string? MaterialCode, string? Note, Guid? AttachmentId)
    : ICommand<ToleratedGapResponse>, IAuditedCommand
{
    public string SubjectType => "gap";

    public string? SubjectId => GapId.ToString();
}

public sealed class SupplyMaterialHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<SupplyMaterial, ToleratedGapResponse>
{
    public async ValueTask<ToleratedGapResponse> Handle(SupplyMaterial command, CancellationToken cancellationToken)
    {
        var gap = await db.Set<ToleratedGap>().Include(g => g.Materials).SingleOrDefaultAsync(g => g.Id == command.GapId, cancellationToken);
        var own = await db.EnterpriseOfAsync(command.Actor.UserId, cancellationToken);
        if (gap is null || (!command.Actor.IsAdministrator && gap.EnterpriseId != own))
        {
            throw RefusedException.NotFound($"No tolerated gap {command.GapId} of your enterprise.");
        }
        var code = command.MaterialCode?.Trim();
        if (string.IsNullOrEmpty(code) || gap.Materials.All(m => m.MaterialCode != code))
        {
            throw RefusedException.Invalid("materialCode", $"Name one of the gap's missing materials: {string.Join(", ", gap.Materials.Select(m => m.MaterialCode))}.");
        }
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note is { Length: > 2000 }) throw RefusedException.Invalid("note", "The note has at most 2000 characters.");
        if (!gap.IsPending)
        {
            throw RefusedException.Conflict($"The gap is {gap.Status.ToString().ToLowerInvariant()}; materials are supplied only while it is open or overdue.");
        }
        if (gap.Materials.Single(m => m.MaterialCode == code).SuppliedAt is not null)
        {
            throw RefusedException.Conflict($"The material '{code}' was already supplied.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (gap.Supply(code, now, command.Actor.Name, note, command.AttachmentId))
        {
            var step = await db.Set<ApprovalStep>().Include(s => s.Changes).SingleAsync(s => s.Id == gap.StepId, cancellationToken);
            if (step.Status == StepStatus.Suspended)
            {
                step.MoveTo(step.StatusBeforeSuspension(), now, command.Actor.Name, "missing materials supplied; review resumes");
            }
            step.IssueResult(true);
            var pledge = await db.Set<Pledge>().SingleAsync(p => p.Id == gap.PledgeId, cancellationToken);
            pledge.Keep(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ToleratedGapResponse.From(gap);
    }
}
