using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>
/// A department checks a pledge afterwards (事后核查): written, online, site or public-notice check, found kept or broken.
/// A broken finding records the breach at once, in the same transaction.
/// </summary>
public sealed record VerifyPledge(Actor Actor, Guid PledgeId, string? Method, string? Result, string? Note)
    : ICommand<PledgeResponse>, IAuditedCommand
{
    public string SubjectType => "pledge";

    public string? SubjectId => PledgeId.ToString();
}

public sealed class VerifyPledgeHandler(AppDbContext db, TimeProvider clock, ISender sender, PledgeAccess access) : ICommandHandler<VerifyPledge, PledgeResponse>
{
    public async ValueTask<PledgeResponse> Handle(VerifyPledge command, CancellationToken cancellationToken)
    {
        if (!command.Actor.Roles.Contains(AppRoles.Officer) && !command.Actor.Roles.Contains(AppRoles.Supervisor))
        {
            throw RefusedException.Forbidden(L.T("只有审批人员或监督人员可以核查承诺。", "Only an officer or a supervisor verifies pledges."));
        }
        var errors = new Dictionary<string, string[]>();
        if (!PledgeTerms.TryReadMethod(command.Method, out var method)) errors["method"] = [L.T($"核查方式须为以下之一：{PledgeTerms.MethodChoices}。", $"The method must be one of {PledgeTerms.MethodChoices}.")];
        var kept = PledgeTerms.ReadKept(command.Result);
        if (kept is null) errors["result"] = [L.T($"核查结果须为以下之一：{PledgeTerms.ResultChoices}。", $"The result must be one of {PledgeTerms.ResultChoices}.")];
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note is { Length: > 2000 }) errors["note"] = [L.T("说明最多 2000 个字符。", "The note has at most 2000 characters.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var pledge = await db.Set<Pledge>().SingleOrDefaultAsync(p => p.Id == command.PledgeId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该承诺书不存在。", $"No pledge has the id {command.PledgeId}."));
        await access.RequireMayJudgeAsync(command.Actor, pledge, cancellationToken);
        if (!pledge.IsInForce)
        {
            throw RefusedException.Conflict(L.T($"该承诺书为“{pledge.Status.Chinese()}”状态；只有已签署或已履行的承诺书可以核查。", $"The pledge is {pledge.Status.Term()}; only a signed or kept pledge is verified."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PledgeVerification(pledge.Id, method, kept!.Value, note, now, command.Actor.Name));
        if (kept.Value)
        {
            pledge.Keep(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordBreach(command.Actor, pledge.Id,
                $"{method.Term()} verification found the pledge broken" + (note is null ? "" : $": {note}")), cancellationToken);
        }
        var verifications = await db.Set<PledgeVerification>().AsNoTracking().Where(v => v.PledgeId == pledge.Id).ToListAsync(cancellationToken);
        return PledgeResponse.From(pledge, verifications);
    }
}
