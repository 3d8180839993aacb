using ApprovalFlow.Web.Tests.Projects;
using ApprovalFlow.Web.Features.Projects;
using System.Diagnostics;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static ApprovalFlow.Web.Tests.Chasing.ChaseWorld;

namespace ApprovalFlow.Web.Tests.Chasing;

/// <summary>
/// A sweep with far more rungs due than one batch holds: hundreds of running cases whose safety step is as overdue as
/// <see cref="ChaseWorld"/>'s, so three rungs each are due at once. Each fires once, with its notifications, and the
/// elapsed time per rung is written to the test output (run with a detailed console logger to read it).
/// </summary>
public abstract class ChaseBatchScenarios(WebAppFactory factory, ITestOutputHelper output)
{
    /// <summary>Overdue copies of the world's step: with the world's own, 3 × 701 = 2,103 rungs due.</summary>
    private const int OverdueSteps = 700;

    [Fact]
    public async Task A_sweep_with_more_rungs_than_one_batch_fires_each_once_with_its_notifications()
    {
        var clock = new SettableClock(Accepted);
        await using var app = Host(factory, clock);
        var world = await ChaseWorld.CreateAsync(app, clock);
        var seeded = await SeedOverdueCopiesAsync(app, world, OverdueSteps);

        clock.Now = China(2026, 3, 23, 9);
        var watch = Stopwatch.StartNew();
        var result = await SweepAsync(app, clock);
        watch.Stop();
        output.WriteLine($"{GetType().Name}: {result.Chased} rungs chased in {watch.ElapsedMilliseconds} ms, " +
            $"{watch.Elapsed.TotalMilliseconds / Math.Max(1, result.Chased):F2} ms a rung");

        result.Chased.ShouldBe(3 * (OverdueSteps + 1));
        (await SweepAsync(app, clock)).Chased.ShouldBe(0, "every rung is recorded");
        await ShouldBeChasedOnceAsync(app, world, seeded);

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.SubjectType == ChaseDueRungs.Subject).OrderBy(e => e.Sequence).Select(e => e.Data).ToListAsync();
        audit.Count.ShouldBe(5, "2,103 rungs in batches of 500: one audit entry a batch");
        audit[0].ShouldContain("\"rungCount\":500");
        audit[^1].ShouldContain("\"rungCount\":103");
        audit.ShouldAllBe(data => !data.Contains("\"rungs\""), "the rungs themselves are not copied into the log");
    }

    /// <summary>
    /// Running cases, each of a copy of the world's project (one running case per project) led by the same paired leader,
    /// each with an accepted safety step due when the world's is.
    /// </summary>
    public static async Task<List<(Guid CaseId, Guid StepId)>> SeedOverdueCopiesAsync(WebApplicationFactory<Program> app, ChaseWorld world, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var template = await db.Set<ApprovalStep>().AsNoTracking().SingleAsync(s => s.Id == world.StepId);
        var templateCase = await db.Set<ApprovalCase>().AsNoTracking().SingleAsync(c => c.Id == world.CaseId);
        var templateProject = await db.Set<Project>().AsNoTracking().SingleAsync(p => p.Id == templateCase.ProjectId);
        var seeded = new List<(Guid, Guid)>();
        var firstSerial = Random.Shared.Next(0, 1_000_000 - count);
        for (var i = 0; i < count; i++)
        {
            var project = new Project(Guid.NewGuid(), ProjectCode.Parse(ProjectWorld.ProjectCodeNumbered(firstSerial + i)), templateProject.Name, templateProject.EnterpriseId,
                templateProject.CountyCode, templateProject.Industry, templateProject.TotalInvestment, templateProject.Kind, templateProject.List,
                templateProject.RegisteredAt, "seed");
            project.AssignPairedLeader(templateProject.PairedLeaderUserId, templateProject.PairedLeaderName, "seed", templateProject.RegisteredAt);
            db.Add(project);
            var approvalCase = new ApprovalCase(project.Id, templateCase.EnterpriseId, templateCase.CountyCode, templateCase.Mode,
                Guid.NewGuid(), templateCase.DefinitionKey, templateCase.DefinitionVersion, templateCase.StartedAt, "seed");
            var step = new ApprovalStep(approvalCase.Id, approvalCase.CountyCode, template.StepCode, template.Name, template.Department, template.TimeLimitDays,
                false, false, false, template.CreatedAt);
            step.StartClock(template.AcceptedAt!.Value, template.DueAt);
            db.AddRange(approvalCase, step);
            seeded.Add((approvalCase.Id, step.Id));
        }
        await db.SaveChangesAsync();
        return seeded;
    }

    /// <summary>Three rungs per step, once each; the head told twice, the leader once per case, by inbox and e-mail.</summary>
    public static async Task ShouldBeChasedOnceAsync(WebApplicationFactory<Program> app, ChaseWorld world, List<(Guid CaseId, Guid StepId)> seeded)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stepIds = seeded.Select(s => s.StepId).ToHashSet();
        var caseIds = seeded.Select(s => s.CaseId).ToHashSet();
        var records = (await db.Set<ChaseRecord>().AsNoTracking().Select(c => new { c.SubjectId, c.Level, c.CaseId }).ToListAsync())
            .Where(c => stepIds.Contains(c.SubjectId)).ToList();
        records.Count.ShouldBe(3 * seeded.Count);
        records.GroupBy(c => (c.SubjectId, c.Level)).ShouldAllBe(g => g.Count() == 1);
        records.Select(c => c.SubjectId).Distinct().Count().ShouldBe(seeded.Count);
        records.ShouldAllBe(c => c.CaseId != null && caseIds.Contains(c.CaseId.Value));

        var notifications = (await db.Set<Notification>().AsNoTracking()
                .Where(n => n.UserId == world.Head.Id || n.UserId == world.Leader.Id || n.UserId == world.Supervisor.Id)
                .Select(n => new { n.UserId, n.Kind, n.CaseId, n.Title }).ToListAsync())
            .Where(n => n.CaseId is { } id && caseIds.Contains(id)).ToList();
        notifications.Count(n => n.UserId == world.Head.Id && n.Kind == "chase.reminder").ShouldBe(seeded.Count);
        notifications.Count(n => n.UserId == world.Head.Id && n.Kind == "chase.escalation").ShouldBe(seeded.Count);
        notifications.Count(n => n.UserId == world.Leader.Id).ShouldBe(seeded.Count);
        notifications.Count(n => n.UserId == world.Supervisor.Id).ShouldBe(seeded.Count);
        notifications.Where(n => n.UserId == world.Leader.Id).ShouldAllBe(n => n.Kind == "chase.leader-escalation" && n.Title.StartsWith("【督办】"));
        (await db.Set<OutboxMessage>().CountAsync(m => m.Recipient == world.Leader.Email)).ShouldBe(seeded.Count + 1);
    }
}

public sealed class SqliteChaseBatchScenarios(WebAppFactory factory, ITestOutputHelper output)
    : ChaseBatchScenarios(factory, output), IClassFixture<WebAppFactory>;

public sealed class PostgresChaseBatchScenarios(PostgresWebAppFactory factory, ITestOutputHelper output)
    : ChaseBatchScenarios(factory, output), IClassFixture<PostgresWebAppFactory>;
