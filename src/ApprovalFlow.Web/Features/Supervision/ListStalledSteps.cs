using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>The stalled steps the caller supervises, filtered and paged (GET /api/supervision/stalled-steps).</summary>
public sealed record ListStalledSteps(Actor Actor, string? County, string? Department, string? StepCode, string? Light, int? Page, int? PageSize)
    : IQuery<StalledStepsPage>;

public sealed class ListStalledStepsHandler(AppDbContext db, StalledStepsQuery stalled, TimeProvider clock)
    : IQueryHandler<ListStalledSteps, StalledStepsPage>
{
    public async ValueTask<StalledStepsPage> Handle(ListStalledSteps query, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Light? light = null;
        if (!string.IsNullOrWhiteSpace(query.Light))
        {
            if (Enum.TryParse<Light>(query.Light, ignoreCase: true, out var read) && Enum.IsDefined(read) && !int.TryParse(query.Light, out _))
                light = read;
            else
                errors["light"] = [L.T("亮灯须为以下之一：green（绿灯）、yellow（黄灯）、red（红灯）。", "The light must be one of green, yellow, red.")];
        }
        if (query.Page is < 1) errors["page"] = [L.T("页码从 1 开始。", "Pages count from 1.")];
        if (query.PageSize is < 1 or > StalledStepsQuery.MaxPageSize) errors["pageSize"] = [L.T($"每页条数须在 1 至 {StalledStepsQuery.MaxPageSize} 之间。", $"The page size must be within 1..{StalledStepsQuery.MaxPageSize}.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var scope = await SupervisionScope.OfAsync(db, query.Actor, cancellationToken);
        var filter = new StalledStepsFilter(query.County?.Trim(), query.Department?.Trim(), query.StepCode?.Trim(), light, query.Page ?? 1, query.PageSize ?? 50);
        return await stalled.RunAsync(scope, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
