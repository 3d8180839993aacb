using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>
/// Seeds demo projects and cases once, where <see cref="DemoMode"/> says so (by default the README's embedded demo;
/// elsewhere only with <c>ApprovalFlow:DemoAccounts</c> and <c>ApprovalFlow:DemoData</c> both true), so that a first start
/// shows a living system. <c>ApprovalFlow:DemoData</c> false turns it off. The marker is the first demo project's code:
/// once registered, nothing is seeded again.
/// </summary>
public sealed class DemoDataSeeder(
    IServiceScopeFactory scopes,
    DemoMode demo,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string Setting = DemoMode.DataSetting;

    public bool Enabled => demo.SeedsData;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var marker = ProjectCode.Parse(DemoProjects.Marker.Code);
            if (await db.Set<Project>().AnyAsync(p => p.Code == marker, cancellationToken)) return;
        }

        try
        {
            var summary = await new DemoCases(new DemoSession(scopes, cancellationToken)).SeedAsync();
            logger.LogWarning(
                "Seeded demo data: {Projects} projects of the two demo enterprises, {Cases} approval cases (running, returned for correction, "
                + "tolerated gap, virtual, pledge system, completed, overdue) through {Commands} commands; the overdue case was backdated "
                + "directly in the database. Demo data: remove it before real use",
                summary.Projects, summary.Cases, summary.Commands);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Demo data is a convenience: a failure must not keep the app from serving.
            logger.LogError(ex, "Seeding the demo data failed part-way; what was seeded stays, and it is not retried");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
