using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>不予行政许可决定书: the step was rejected; gives the reasons and the remedies (行政许可法 Art. 38).</summary>
public sealed record GetRejectionDecision(Actor Actor, Guid CaseId, Guid StepId, long? ChangeId, string BaseUrl) : IQuery<DocumentFile>;

public sealed class GetRejectionDecisionHandler(CaseDocuments documents) : IQueryHandler<GetRejectionDecision, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetRejectionDecision query, CancellationToken ct)
    {
        var set = await documents.LoadAsync(query.Actor, query.CaseId, ct);
        var document = set.Pick(DocumentKind.Rejection, query.StepId, query.ChangeId);
        string[] body =
        [
            $"{DocumentWording.Matter(set, document.Step)}，经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，" +
            "本机关决定不予行政许可。理由如下：",
            DocumentWording.Reasons(document.Opinion),
            "你单位如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。",
            "特此决定。",
        ];
        return await documents.RenderAsync(set, document, set.EnterpriseName, body, query.BaseUrl, ct);
    }
}
