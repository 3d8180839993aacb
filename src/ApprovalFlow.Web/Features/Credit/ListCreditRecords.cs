using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Credit;

/// <summary>An enterprise's credit records; staff see any enterprise's, an enterprise its own.</summary>
public sealed record ListCreditRecords(Actor Actor, Guid EnterpriseId) : IQuery<CreditRecordResponse[]>;

public sealed class ListCreditRecordsHandler(AppDbContext db) : IQueryHandler<ListCreditRecords, CreditRecordResponse[]>
{
    public async ValueTask<CreditRecordResponse[]> Handle(ListCreditRecords query, CancellationToken cancellationToken)
    {
        if (!query.Actor.SeesEverything && await db.EnterpriseOfAsync(query.Actor.UserId, cancellationToken) != query.EnterpriseId)
        {
            throw RefusedException.NotFound(L.T("该企业不存在或您无权查看。", $"No enterprise {query.EnterpriseId} that you may see."));
        }
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == query.EnterpriseId, cancellationToken))
        {
            throw RefusedException.NotFound(L.T("该企业不存在。", $"No enterprise has the id {query.EnterpriseId}."));
        }
        var records = await db.Set<CreditRecord>().AsNoTracking().Where(r => r.EnterpriseId == query.EnterpriseId).ToListAsync(cancellationToken);
        return records.OrderBy(r => r.RecordedAt).Select(CreditRecordResponse.From).ToArray();
    }
}
