using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// An enterprise registers one of its projects with its project code; an administrator may register a project for
/// any enterprise. The code identifies the project for its whole life, so a code already registered is refused.
/// The caller chooses the new project's id, so that the audit log names the project even of a refused attempt.
/// </summary>
public sealed record RegisterProject(
    Actor Actor,
    Guid ProjectId,
    string? Code,
    string? Name,
    Guid? EnterpriseId,
    string? County,
    string? Industry,
    decimal? TotalInvestment,
    string? Kind,
    string? List) : ICommand<ProjectResponse>, IAuditedCommand
{
    public string SubjectType => "project";

    public string? SubjectId => ProjectId.ToString();
}

public sealed class RegisterProjectHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RegisterProject, ProjectResponse>
{
    /// <summary>The column holds 18 digits with 4 after the point; 0.0001 万元 is one yuan.</summary>
    private const decimal InvestmentLimit = 100_000_000_000_000m;

    public async ValueTask<ProjectResponse> Handle(RegisterProject command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var enterpriseId = command.EnterpriseId;
        if (!actor.IsAdministrator)
        {
            var own = await db.EnterpriseOfAsync(actor.UserId, cancellationToken)
                ?? throw RefusedException.Forbidden(L.T("您的账户尚未关联企业，请联系管理员关联。", "Your account acts for no enterprise yet; an administrator must assign it to one."));
            if (enterpriseId is not null && enterpriseId != own)
            {
                throw RefusedException.Forbidden(L.T("企业只能为本单位登记项目。", "An enterprise registers projects for itself only."));
            }
            enterpriseId = own;
        }

        var errors = new Dictionary<string, string[]>();
        if (!ProjectCode.TryParse(command.Code, out var code, out var codeError))
        {
            errors["code"] = [codeError];
        }
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > 200)
        {
            errors["name"] = [L.T("请填写项目名称，最多 200 个字符。", "Enter the project name, at most 200 characters.")];
        }
        if (enterpriseId is null)
        {
            errors["enterpriseId"] = [L.T("请指定项目所属的建设单位。", "Name the enterprise (建设单位) the project belongs to.")];
        }
        else if (actor.IsAdministrator && !await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, cancellationToken))
        {
            errors["enterpriseId"] = [L.T("所选建设单位不存在。", $"No enterprise has the id {enterpriseId}.")];
        }
        var county = await FindCountyAsync(command.County, cancellationToken);
        if (county is null)
        {
            errors["county"] = [L.T($"“{command.County}”不是衡水市 13 个县（市、区）之一，请填写六位行政区划代码。", $"'{command.County}' is not one of the 13 counties and districts of Hengshui; GET /api/counties lists their codes.")];
        }
        if (string.IsNullOrWhiteSpace(command.Industry) || command.Industry.Trim().Length > 100)
        {
            errors["industry"] = [L.T("请填写所属行业，最多 100 个字符。", "Enter the industry (行业), at most 100 characters.")];
        }
        if (InvestmentError(command.TotalInvestment) is { } investmentError)
        {
            errors["totalInvestment"] = [investmentError];
        }
        if (!ProjectTerms.TryReadKind(command.Kind, out var kind))
        {
            errors["kind"] = [L.T($"项目类型须为以下之一：{ProjectTerms.KindChoices}。", $"The kind must be one of {ProjectTerms.KindChoices}.")];
        }
        var list = ProjectList.Reserve;
        if (command.List is not null && !ProjectTerms.TryReadList(command.List, out list))
        {
            errors["list"] = [L.T($"清单须为以下之一：{ProjectTerms.ListChoices}。", $"The list must be one of {ProjectTerms.ListChoices}.")];
        }
        if (errors.Count > 0 || code is null || county is null)
        {
            throw RefusedException.Invalid(errors);
        }

        if (await db.Set<Project>().AnyAsync(p => p.Code == code, cancellationToken))
        {
            throw ProjectCodeTaken.Refusal(code);
        }

        var project = new Project(
            command.ProjectId, code, command.Name!.Trim(), enterpriseId!.Value, county.Code, command.Industry!.Trim(), command.TotalInvestment!.Value,
            kind, list, clock.GetUtcNow().UtcDateTime, actor.Name);
        db.Add(project);
        db.Add(project.RegistrationEntry());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (ProjectCodeTaken.IsUniqueViolation(exception))
        {
            throw ProjectCodeTaken.Refusal(code);
        }

        await db.Entry(project).Reference(p => p.Enterprise).LoadAsync(cancellationToken);
        return ProjectResponse.From(project);
    }

    /// <summary>By code (131102) or by name (桃城区).</summary>
    private async Task<County?> FindCountyAsync(string? county, CancellationToken ct)
    {
        var key = county?.Trim();
        return string.IsNullOrEmpty(key)
            ? null
            : await db.Set<County>().FirstOrDefaultAsync(c => c.Code == key || c.Name == key, ct);
    }

    private static string? InvestmentError(decimal? investment) => investment switch
    {
        null => L.T("请填写总投资（万元）。", "Enter the total investment in 10,000 yuan (万元)."),
        < 0 => L.T("总投资不能为负数。", "The total investment cannot be negative."),
        >= InvestmentLimit => L.T("总投资过大；请注意单位为万元。", "The total investment is too large; it is counted in 10,000 yuan (万元)."),
        { } value when decimal.Round(value, 4) != value => L.T("总投资最多保留 4 位小数（0.0001 万元即 1 元）。", "The total investment has at most 4 decimal places (0.0001 万元 is one yuan)."),
        _ => null,
    };
}
