using ApprovalFlow.Web.Features.Approvals;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>The sentences every document shares (docs/documents.md).</summary>
public static class DocumentWording
{
    /// <summary>“你单位申请的“项目”（项目代码：…）用地审批事项”.</summary>
    public static string Matter(CaseDocumentSet set, ApprovalStep step) =>
        $"你单位申请的“{set.ProjectName}”（项目代码：{set.ProjectCode}）{step.Name}事项";

    public static string Reasons(string? opinion) =>
        string.IsNullOrWhiteSpace(opinion) ? "（未载明）" : opinion.Trim();
}
