using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>One step, as it appears in its case.</summary>
public sealed record GetStep(Actor Actor, Guid StepId) : IQuery<StepResponse>;

public sealed class GetStepHandler(AppDbContext db, ISender sender) : IQueryHandler<GetStep, StepResponse>
{
    public async ValueTask<StepResponse> Handle(GetStep query, CancellationToken ct)
    {
        var caseId = await db.Set<ApprovalStep>().Where(s => s.Id == query.StepId).Select(s => (Guid?)s.CaseId).SingleOrDefaultAsync(ct)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("该审批环节不存在或您无权查看。", $"Step {query.StepId} does not exist."));
        var approvalCase = await sender.Send(new GetCase(query.Actor, caseId), ct);
        return approvalCase.Steps.Single(s => s.Id == query.StepId);
    }
}
