using System.Text.RegularExpressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>
/// An enterprise signs a pledge (承诺书) for one of its own projects: to supply tolerated-gap materials, or under the
/// pledge system or standard land + pledge. Signed once; nothing changes what it says afterwards.
/// </summary>
public sealed partial record SignPledge(Actor Actor, Guid ProjectId, string? Scheme, string? StepCode, string? Text)
    : ICommand<PledgeResponse>, IAuditedCommand
{
    public string SubjectType => "project";

    public string? SubjectId => ProjectId.ToString();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,49}$")]
    internal static partial Regex StepCodePattern();
}

public sealed class SignPledgeHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<SignPledge, PledgeResponse>
{
    public const int TextLimit = 8000;

    public async ValueTask<PledgeResponse> Handle(SignPledge command, CancellationToken cancellationToken)
    {
        if (!command.Actor.Roles.Contains(AppRoles.Enterprise))
        {
            throw RefusedException.Forbidden(L.T("承诺书只能由企业本身签署。", "Only the enterprise itself signs its pledges."));
        }
        var own = await db.EnterpriseOfAsync(command.Actor.UserId, cancellationToken)
            ?? throw RefusedException.Forbidden(L.T("您的账户尚未关联企业，请联系管理员关联。", "Your account acts for no enterprise yet; an administrator must assign it to one."));
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该项目不存在。", $"No project has the id {command.ProjectId}."));
        if (project.EnterpriseId != own)
        {
            throw RefusedException.Forbidden(L.T("企业只能为本单位的项目签署承诺书。", "An enterprise signs pledges for its own projects only."));
        }

        var errors = new Dictionary<string, string[]>();
        if (!PledgeTerms.TryReadScheme(command.Scheme, out var scheme))
        {
            errors["scheme"] = [L.T($"承诺类型须为以下之一：{PledgeTerms.SchemeChoices}。", $"The scheme must be one of {PledgeTerms.SchemeChoices}.")];
        }
        var step = string.IsNullOrWhiteSpace(command.StepCode) ? null : command.StepCode.Trim();
        if (step is not null && !SignPledge.StepCodePattern().IsMatch(step))
        {
            errors["stepCode"] = [L.T("环节代码由小写字母、数字和连字符组成（land、planning、eia、safety、permit 等）。", "The step code is lower-case letters, digits and dashes (land, planning, eia, safety, permit, ...).")];
        }
        else if (step is null && scheme == PledgeScheme.ToleratedGap && !errors.ContainsKey("scheme"))
        {
            errors["stepCode"] = [L.T("容缺受理承诺书须指明其所涉材料的审批环节。", "A tolerated-gap pledge names the step whose materials it covers.")];
        }
        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > TextLimit)
        {
            errors["text"] = [L.T($"请填写承诺内容，最多 {TextLimit} 个字符。", $"Enter what is pledged, at most {TextLimit} characters.")];
        }
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        if (await db.BlockOfAsync(own, cancellationToken) is { } block)
        {
            throw RefusedException.Conflict(L.T($"不能签署承诺书：{block}。", $"No pledge can be signed: {block}."));
        }

        var pledge = new Pledge(project.Id, own, scheme, step, text!, clock.GetUtcNow().UtcDateTime, command.Actor.Name);
        db.Add(pledge);
        await db.SaveChangesAsync(cancellationToken);
        return PledgeResponse.From(pledge);
    }
}
