using ApprovalFlow.Web.Features.Projects;
using Mediator;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>One document of a case, with its download link; <c>Date</c> is the document's date as printed on it (China time).</summary>
public sealed record CaseDocumentResponse(
    string Kind, string Title, string TitleEn, Guid StepId, string StepCode, string StepName, string Department, DateTime At,
    string Date, long ChangeId, string Url);

/// <summary>The documents of a case the caller may see, oldest first, as its steps' histories give rise to them.</summary>
public sealed record ListCaseDocuments(Actor Actor, Guid CaseId) : IQuery<IReadOnlyList<CaseDocumentResponse>>;

public sealed class ListCaseDocumentsHandler(CaseDocuments documents) : IQueryHandler<ListCaseDocuments, IReadOnlyList<CaseDocumentResponse>>
{
    public async ValueTask<IReadOnlyList<CaseDocumentResponse>> Handle(ListCaseDocuments query, CancellationToken ct)
    {
        var set = await documents.LoadAsync(query.Actor, query.CaseId, ct);
        return set.Offered
            .OrderBy(d => d.Change.At).ThenBy(d => d.Change.Id).ThenBy(d => d.Kind)
            .Select(d => new CaseDocumentResponse(d.Kind.Term(), d.Kind.Title(), d.Kind.TitleEn(), d.Step.Id, d.Step.StepCode, d.Step.Name,
                set.DepartmentOf(d.Step), DateTime.SpecifyKind(d.Change.At, DateTimeKind.Utc), CaseDocuments.ChinaDate(d.Change.At), d.Change.Id,
                $"/api/cases/{set.Case.Id}/documents/{d.Kind.Term()}?step={d.Step.Id}&change={d.Change.Id}"))
            .ToList();
    }
}
