using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>受理通知书: the step's application was accepted; the clock runs from that day.</summary>
public sealed record GetAcceptanceNotice(Actor Actor, Guid CaseId, Guid StepId, long? ChangeId, string BaseUrl) : IQuery<DocumentFile>;

public sealed class GetAcceptanceNoticeHandler(CaseDocuments documents) : IQueryHandler<GetAcceptanceNotice, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetAcceptanceNotice query, CancellationToken ct)
    {
        var set = await documents.LoadAsync(query.Actor, query.CaseId, ct);
        var document = set.Pick(DocumentKind.Acceptance, query.StepId, query.ChangeId);
        var step = document.Step;
        var limit = step.TimeLimitDays is { } days ? $"本事项的法定办理时限为{days}个工作日，自受理之日起计算（依法中止、暂停的时间不计算在内）。" : "";
        string[] body =
        [
            $"{DocumentWording.Matter(set, step)}，申请材料齐全、符合法定形式，本机关于{CaseDocuments.ChinaDate(document.Change.At)}决定予以受理。{limit}",
            "请登录审批系统查看办理进度。",
            "特此通知。",
        ];
        return await documents.RenderAsync(set, document, set.EnterpriseName, body, query.BaseUrl, ct);
    }
}
