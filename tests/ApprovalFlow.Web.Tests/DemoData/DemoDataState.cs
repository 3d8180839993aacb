using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.DemoData;

/// <summary>What the demo seeding left, read straight from the database.</summary>
public sealed record DemoDataState(int Projects, int Cases, int Steps, int Pledges, int AuditEntries, int Users)
{
    public static async Task<DemoDataState> ReadAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new DemoDataState(
            await db.Set<Project>().CountAsync(), await db.Set<ApprovalCase>().CountAsync(), await db.Set<ApprovalStep>().CountAsync(),
            await db.Set<Pledge>().CountAsync(), await db.Set<AuditEntry>().CountAsync(), await db.Users.CountAsync());
    }

    /// <summary>Asserts the telling states the demo promises, and that the audit chain the seeding wrote verifies.</summary>
    public static async Task ShouldShowALivingSystemAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;

        var projects = await db.Set<Project>().AsNoTracking().ToListAsync();
        projects.Count.ShouldBe(12);
        projects.ShouldAllBe(p => p.TotalInvestment >= 5_000m);
        projects.Select(p => p.CountyCode).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        projects.Select(p => p.Code.Format).Distinct().Count().ShouldBe(2);
        projects.Select(p => p.EnterpriseId).Distinct().Count().ShouldBe(2);

        var cases = await db.Set<ApprovalCase>().AsNoTracking().Include(c => c.Steps).ToListAsync();
        cases.Count(c => c.Status == ApprovalCaseStatus.Running && c.Mode == ApprovalMode.Normal).ShouldBeGreaterThanOrEqualTo(4);
        cases.ShouldContain(c => c.Status == ApprovalCaseStatus.Completed);
        cases.ShouldContain(c => c.Mode == ApprovalMode.Virtual && c.Steps.Any(s => s.Status == StepStatus.VirtuallyApproved));
        cases.ShouldContain(c => c.Mode == ApprovalMode.PledgeSystem && c.Status == ApprovalCaseStatus.Running);
        cases.ShouldContain(c => c.Steps.Any(s => s.Status == StepStatus.ReturnedForCorrection));
        cases.ShouldContain(c => c.Steps.Any(s => s.IsOpen && s.DueAt != null && s.DueAt < now), "one case is overdue");
        var openGap = await db.Set<ToleratedGap>().AsNoTracking().SingleAsync(g => g.Status == GapStatus.Open);
        cases.Single(c => c.Id == openGap.CaseId).Steps.Single(s => s.Id == openGap.StepId).ResultIssued.ShouldBeFalse();
        (await db.Set<Pledge>().CountAsync(p => p.Scheme == PledgeScheme.PledgeSystem)).ShouldBe(1);

        var audit = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        audit.Intact.ShouldBeTrue(audit.ToString());
        audit.Count.ShouldBeGreaterThan(50);
    }
}
