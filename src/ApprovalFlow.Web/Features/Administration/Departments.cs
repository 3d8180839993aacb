using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;

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

    public const int NameLength = 100;

    public static Entry? Find(string code) => Named.FirstOrDefault(d => d.Code == code);

    /// <summary>Where a code stands in the seed's list (the order of official tables); codes not in it come after, by code.</summary>
    public static int SeedOrder(string code)
    {
        for (var i = 0; i < Named.Count; i++)
            if (Named[i].Code == code) return i;
        return Named.Count;
    }

    /// <summary>A department code: lower-case letters, digits and dashes, starting with a letter or digit.</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: > 0 and <= CodeLength } && code[0] != '-' && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>The department with this code in the <c>departments</c> table, or null.</summary>
    public static Task<Department?> FindAsync(Data.AppDbContext db, string code, CancellationToken cancellationToken) =>
        db.Set<Department>().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);

    /// <summary>Checks a Chinese and an English name, adding refusals under <c>name</c> and <c>nameEn</c>.</summary>
    public static (string Name, string NameEn) CheckNames(string? name, string? nameEn, Dictionary<string, string[]> errors)
    {
        var zh = name?.Trim() ?? "";
        var en = nameEn?.Trim() ?? "";
        if (zh.Length is 0 or > NameLength) errors["name"] = [L.T($"请填写中文名称，最多 {NameLength} 个字符。", $"Enter the Chinese name, at most {NameLength} characters.")];
        if (en.Length is 0 or > NameLength) errors["nameEn"] = [L.T($"请填写英文名称，最多 {NameLength} 个字符。", $"Enter the English name, at most {NameLength} characters.")];
        return (zh, en);
    }
}
