using System.Globalization;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.ProjectLists;

public sealed record InvestmentReportResponse(
    Guid Id, Guid ProjectId, string Month, decimal AmountCompleted, string ReportedBy, DateTime ReportedAt, string? Note)
{
    public static InvestmentReportResponse From(InvestmentReport r) =>
        new(r.Id, r.ProjectId, $"{r.Year:D4}-{r.Month:D2}", r.AmountCompleted, r.ReportedBy, r.ReportedAt.AsUtc(), r.Note);
}

/// <summary>
/// The enterprise (for its own project) or an officer reports the investment a project completed in a month
/// (POST /api/project-lists/investment-reports). Once per project and month: a figure, once reported, is not replaced.
/// </summary>
public sealed record ReportInvestment(Actor Actor, Guid ProjectId, string? Month, decimal? AmountCompleted, string? Note)
    : ICommand<InvestmentReportResponse>, IAuditedCommand
{
    public string SubjectType => "project";

    public string? SubjectId => ProjectId.ToString();
}

public sealed class ReportInvestmentHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<ReportInvestment, InvestmentReportResponse>
{
    public async ValueTask<InvestmentReportResponse> Handle(ReportInvestment command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaStandardTime.DateOf(now);
        var errors = new Dictionary<string, string[]>();
        if (!DateOnly.TryParseExact((command.Month ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            errors["month"] = [L.T("月份格式须为 yyyy-MM，如 2026-10。", "The month must read yyyy-MM, e.g. 2026-10.")];
        else if (month > today)
            errors["month"] = [L.T("月份开始后方可填报该月投资。", "A month is reported once it has begun.")];
        if (command.AmountCompleted is not { } amount || amount < 0 || amount > 100_000_000m)
            errors["amountCompleted"] = [L.T("请填写完成投资额（万元），不得为负数。", "The amount completed, in 万元, must be given and not negative.")];
        if (command.Note is { Length: > 1000 }) errors["note"] = [L.T("说明最多 1000 个字符。", "At most 1000 characters.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var project = await (await db.ProjectsVisibleToAsync(command.Actor, cancellationToken))
            .SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该项目不存在。", $"Project {command.ProjectId} does not exist."));
        if (await db.Set<InvestmentReport>().AnyAsync(r => r.ProjectId == project.Id && r.Year == month.Year && r.Month == month.Month, cancellationToken))
            throw RefusedException.Conflict(L.T($"项目“{project.Name}”已填报 {month:yyyy-MM} 的投资，已填报的数据不能替换。", $"Project {project.Code} has already reported {month:yyyy-MM}; a reported figure is not replaced."));

        var report = new InvestmentReport
        {
            Id = Guid.NewGuid(), ProjectId = project.Id, Year = month.Year, Month = month.Month, AmountCompleted = command.AmountCompleted!.Value,
            ReportedBy = command.Actor.Name, ReportedAt = now, Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
        };
        db.Add(report);
        return InvestmentReportResponse.From(report);
    }
}
