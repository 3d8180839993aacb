using System.Text.RegularExpressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
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
            throw RefusedException.Forbidden("Only the enterprise itself signs its pledges.");
        }
        var own = await db.EnterpriseOfAsync(command.Actor.UserId, cancellationToken)
            ?? throw RefusedException.Forbidden("Your account acts for no enterprise yet; an administrator must assign it to one.");
        var project = await db.Set<Project>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken)
            ?? throw RefusedException.NotFound($"No project has the id {command.ProjectId}.");
        if (project.EnterpriseId != own)
        {
            throw RefusedException.Forbidden("An enterprise signs pledges for its own projects only.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!PledgeTerms.TryReadScheme(command.Scheme, out var scheme))
        {
            errors["scheme"] = [$"The scheme must be one of {PledgeTerms.SchemeChoices}."];
        }
        var step = string.IsNullOrWhiteSpace(command.StepCode) ? null : command.StepCode.Trim();
        if (step is not null && !SignPledge.StepCodePattern().IsMatch(step))
        {
            errors["stepCode"] = ["The step code is lower-case letters, digits and dashes (land, planning, eia, safety, permit, ...)."];
        }
        else if (step is null && scheme == PledgeScheme.ToleratedGap && !errors.ContainsKey("scheme"))
        {
            errors["stepCode"] = ["A tolerated-gap pledge names the step whose materials it covers."];
        }
        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > TextLimit)
        {
            errors["text"] = [$"Enter what is pledged, at most {TextLimit} characters."];
        }
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        if (await db.BlockOfAsync(own, cancellationToken) is { } block)
        {
            throw RefusedException.Conflict($"No pledge can be signed: {block}.");
        }

        var pledge = new Pledge(project.Id, own, scheme, step, text!, clock.GetUtcNow().UtcDateTime, command.Actor.Name);
        db.Add(pledge);
        await db.SaveChangesAsync(cancellationToken);
        return PledgeResponse.From(pledge);
    }
}
