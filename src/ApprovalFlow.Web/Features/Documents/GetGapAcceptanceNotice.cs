using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>
/// 容缺受理通知书: the step was accepted with a tolerated gap. Names the missing materials (by their names as the gap
/// recorded them), the enterprise's pledge and the supplement deadline, and that no result is issued before they are in.
/// </summary>
public sealed record GetGapAcceptanceNotice(Actor Actor, Guid CaseId, Guid StepId, long? ChangeId, string BaseUrl) : IQuery<DocumentFile>;

public sealed class GetGapAcceptanceNoticeHandler(CaseDocuments documents, AppDbContext db) : IQueryHandler<GetGapAcceptanceNotice, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetGapAcceptanceNotice query, CancellationToken ct)
    {
        var set = await documents.LoadAsync(query.Actor, query.CaseId, ct);
        var document = set.Pick(DocumentKind.GapAcceptance, query.StepId, query.ChangeId);
        var gap = document.Gap!;
        var pledge = await db.Set<Pledge>().AsNoTracking().Where(p => p.Id == gap.PledgeId)
            .Select(p => new { p.Text, p.SignedAt }).SingleAsync(ct);
        var body = new List<string>
        {
            $"{DocumentWording.Matter(set, document.Step)}，主要申请材料齐全，下列次要材料暂缺。根据容缺受理制度，本机关于" +
            $"{CaseDocuments.ChinaDate(document.Change.At)}予以容缺受理：",
        };
        body.AddRange(gap.Materials.OrderBy(m => m.Id).Select((m, i) => $"{i + 1}. {m.Name}"));
        body.Add($"你单位已于{CaseDocuments.ChinaDate(pledge.SignedAt)}签署容缺承诺书，承诺：{pledge.Text.Trim()}");
        body.Add($"请于{CaseDocuments.ChinaDate(gap.SupplementDeadline)}前补齐上述材料。补齐前本事项不出具审批结果；逾期未补齐的，本事项中止办理，" +
            "仍未补齐的依法退件，并按承诺记入信用记录。");
        body.Add("特此通知。");
        return await documents.RenderAsync(set, document, set.EnterpriseName, body, query.BaseUrl, ct);
    }
}
