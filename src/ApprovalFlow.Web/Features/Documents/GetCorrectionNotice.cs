using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>补正告知书: the department returned the application for correction (one per return), with its reasons.</summary>
public sealed record GetCorrectionNotice(Actor Actor, Guid CaseId, Guid StepId, long? ChangeId, string BaseUrl) : IQuery<DocumentFile>;

public sealed class GetCorrectionNoticeHandler(CaseDocuments documents) : IQueryHandler<GetCorrectionNotice, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetCorrectionNotice query, CancellationToken ct)
    {
        var set = await documents.LoadAsync(query.Actor, query.CaseId, ct);
        var document = set.Pick(DocumentKind.Correction, query.StepId, query.ChangeId);
        string[] body =
        [
            $"{DocumentWording.Matter(set, document.Step)}，经审查，申请材料需要补正。需要补正的内容及理由如下：",
            DocumentWording.Reasons(document.Opinion),
            "请按上述要求补正后重新提交。补正期间不计入办理时限。",
            "特此告知。",
        ];
        return await documents.RenderAsync(set, document, set.EnterpriseName, body, query.BaseUrl, ct);
    }
}
