namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// The departments named in the seed (domain.md), by the code workflows and accounts use (<c>af:department</c>,
/// <see cref="Data.AppUser.Department"/>), with their Chinese and English names. Workflows may name others; those are
/// listed by their code.
/// </summary>
public static class Departments
{
    public sealed record Entry(string Code, string Name, string NameEn);

    public static readonly IReadOnlyList<Entry> Named =
    [
        new("administrative-approval", "行政审批", "Administrative approval"),
        new("development-reform", "发展改革", "Development and reform"),
        new("housing-construction", "住房城乡建设", "Housing and construction"),
        new("natural-resources", "自然资源和规划", "Natural resources and planning"),
        new("ecology-environment", "生态环境", "Ecology and environment"),
        new("local-financial-regulation", "地方金融监管", "Local financial regulation"),
        new("emergency-management", "应急管理", "Emergency management"),
    ];

    public const int CodeLength = 100;

    public static Entry? Find(string code) => Named.FirstOrDefault(d => d.Code == code);
}
