using System.Globalization;
using ApprovalFlow.Web.Features.Documents;
using ApprovalFlow.Web.Ui.Documents;
using MudBlazor.Services;

namespace ApprovalFlow.Ui.Tests.Documents;

/// <summary>The case page's document list: a PDF link per document, labelled in the user's language.</summary>
public sealed class DocumentListTests : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudList's key interceptor is disposable only asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _culture;
        await DisposeAsync();
    }

    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    private static readonly Guid CaseId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid StepId = Guid.Parse("33333333-3333-3333-3333-333333333333");

    public DocumentListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static CaseDocumentResponse Document(DocumentKind kind, long changeId) =>
        new(kind.Term(), kind.Title(), kind.TitleEn(), StepId, "planning", "规划", "自然资源和规划",
            new DateTime(2026, 12, 7, 19, 0, 0, DateTimeKind.Utc), "2026年12月8日", changeId,
            $"/api/cases/{CaseId}/documents/{kind.Term()}?step={StepId}&change={changeId}");

    private static readonly CaseDocumentResponse[] Two = [Document(DocumentKind.Acceptance, 7), Document(DocumentKind.GapAcceptance, 7)];

    [Fact]
    public void Each_document_links_to_its_pdf_with_its_chinese_title_step_department_and_date()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var list = Render<DocumentList>(p => p.Add(c => c.Documents, Two));

        var links = list.FindAll("[data-testid='document-link']");
        links.Select(a => a.TextContent).ShouldBe(["受理通知书", "容缺受理通知书"]);
        links.Select(a => a.GetAttribute("data-kind")).ShouldBe(["acceptance", "gap-acceptance"]);
        links[1].GetAttribute("href").ShouldBe($"/api/cases/{CaseId}/documents/gap-acceptance?step={StepId}&change=7");
        links.ShouldAllBe(a => a.HasAttribute("download"));
        list.Markup.ShouldContain("规划 · 自然资源和规划 · 2026年12月8日");
    }

    [Fact]
    public void In_english_the_titles_are_english()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var list = Render<DocumentList>(p => p.Add(c => c.Documents, Two));

        list.FindAll("[data-testid='document-link']").Select(a => a.TextContent)
            .ShouldBe(["Notice of acceptance", "Notice of acceptance with a tolerated gap"]);
    }

    [Fact]
    public void A_case_without_documents_says_when_they_come()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var list = Render<DocumentList>(p => p.Add(c => c.Documents, Array.Empty<CaseDocumentResponse>()));

        list.FindAll("[data-testid='document-link']").ShouldBeEmpty();
        list.Find("[data-testid='documents-none']").TextContent.ShouldContain("尚无文书");
    }
}
