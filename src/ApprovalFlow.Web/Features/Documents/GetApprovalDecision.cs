using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>准予行政许可决定书: the step was approved and its result issued, with the decision's opinion.</summary>
public sealed record GetApprovalDecision(Actor Actor, Guid CaseId, Guid StepId, long? ChangeId, string BaseUrl) : IQuery<DocumentFile>;

public sealed class GetApprovalDecisionHandler(CaseDocuments documents) : IQueryHandler<GetApprovalDecision, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetApprovalDecision query, CancellationToken ct)
    {
        var set = await documents.LoadAsync(query.Actor, query.CaseId, ct);
        var document = set.Pick(DocumentKind.Approval, query.StepId, query.ChangeId);
        var body = new List<string>
        {
            $"{DocumentWording.Matter(set, document.Step)}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，" +
            "本机关决定准予行政许可。",
        };
        if (!string.IsNullOrWhiteSpace(document.Opinion)) body.Add($"审批意见：{document.Opinion.Trim()}");
        body.Add("特此决定。");
        return await documents.RenderAsync(set, document, set.EnterpriseName, body, query.BaseUrl, ct);
    }
}
